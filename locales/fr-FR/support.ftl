# Partnerdesk — support : le profil de support, les demandes de service et leurs messages d'API.

## Rules
error-severity-unknown = Choisissez une gravité : critique, modérée ou minimale.
error-support-topic-unknown = Choisissez l'un des sujets de support.
error-request-status-unknown = Utilisez un statut open, attention_needed ou closed.
error-request-status-same = La demande a déjà ce statut.
error-request-status-unsupported = Vous pouvez fermer une demande ou la rouvrir.
error-phone-not-international = Saisissez le numéro au format international : + et l'indicatif du pays, par exemple +33 1 42 68 53 00.
error-website-invalid = Saisissez une adresse web commençant par https:// ou http://, par exemple https://example.com/support.
error-support-contact-required = Indiquez une adresse e-mail ou un numéro de téléphone, pour que les clients puissent joindre votre support.
error-assignee-unknown = Choisissez l'un de vos agents administrateurs ou agents du support actifs.
error-partner-unknown = Choisissez l'un de vos partenaires.
error-escalation-unavailable = Cette demande ne peut pas être transmise : elle l'a déjà été, ou personne au-dessus de vous ne peut la recevoir.

## API
api-service-request-not-found = Vous n'avez aucune demande de service portant ce numéro.
api-service-request-file-not-found = Cette demande de service n'a aucun fichier portant ce numéro.
api-support-profile-not-found = Vous n'avez pas encore publié de profil de support : PUT /v1/profiles/support le publie.
api-locale-not-found = Utilisez l'une des langues en-US, zh-TW, zh-CN, fr-FR ou ru-RU.
api-service-request-no-change = Envoyez une modification : newNote, status, assignee, ou escalate avec newNote.
api-service-request-one-change = Envoyez une seule modification par requête : newNote, status, assignee, ou escalate avec newNote.
api-note-visibility = Utilisez une visibilité de note public, partners ou internal.
query-request-status = Utilisez status=open, status=attention_needed ou status=closed.
query-severity = Utilisez severity=critical, severity=moderate ou severity=minimal.
query-assignee = Utilisez assignee=me, assignee=none ou l'identifiant de l'un de vos agents.
query-overdue = Utilisez overdue=true ou overdue=false.
query-request-size = Utilisez une taille de page de 1 à 200.

## Topics
support-topic-sign-in = Connexion
support-topic-sign-in-description = Les utilisateurs ne peuvent pas se connecter, mots de passe, authentification multifacteur.
support-topic-licenses = Licences et abonnements
support-topic-licenses-description = Attribution des licences, nombre de licences, renouvellements.
support-topic-billing = Facturation et factures
support-topic-billing-description = Questions sur une facture, un frais ou un prix.
support-topic-service-outage = Panne de service
support-topic-service-outage-description = Un service est indisponible ou lent pour plusieurs utilisateurs.
support-topic-configuration = Installation et configuration
support-topic-configuration-description = Configuration des domaines, de la messagerie, des appareils ou de la sécurité.
support-topic-other = Autre
support-topic-other-description = Toute autre question.

## Severities and statuses
severity-critical = Critique
severity-moderate = Modérée
severity-minimal = Minimale
severity-critical-hint = Critique : la production est arrêtée. Première réponse sous { $hours } heures.
severity-moderate-hint = Modérée : la production est en partie touchée. Première réponse sous { $hours } heures.
severity-minimal-hint = Minimale : les services fonctionnent encore, ou ce n'est pas la production. Première réponse sous { $hours } heures.
request-status-open = Ouverte
request-status-attention-needed = En attente du client
request-status-closed = Fermée
customer-request-status-attention-needed = En attente de votre réponse

## Activity
activity-support-profile-updated = Profil de support modifié
activity-service-request-opened = Demande de service ouverte
activity-service-request-note-added = Note ajoutée à une demande de service
activity-service-request-status-changed = Statut d'une demande de service modifié
activity-service-request-assigned = Demande de service attribuée
activity-service-request-escalated = Demande de service transmise

## The Support workspace
nav-support = Assistance
support-title = Assistance
support-intro = Les demandes de service de vos clients, et celles qui vous ont été transmises.
support-tab-queue = Demandes
support-tab-profile = Profil de support
support-filters = Filtres
support-filter-status = Statut
support-filter-severity = Gravité
support-filter-assignee = Attribuée à
support-filter-any = Tous
support-assignee-me = Moi
support-assignee-nobody = Personne
support-filter-overdue = En retard seulement
support-filter-apply = Afficher
support-col-number = Numéro
support-col-title = Titre
support-col-customer = Client
support-col-severity = Gravité
support-col-status = Statut
support-col-assignee = Attribuée à
support-col-due = Échéance
support-col-updated = Mise à jour
support-none = Aucune demande de service ne correspond.
support-overdue = En retard
support-next-page = Page suivante
support-first-page = Première page
support-request-title = Demande de service { $number }
support-back = Retour à l’assistance
support-opened-by = Ouverte par
support-opened = Ouverte le
support-addressed-to = Adressée à
support-escalated-to = Transmise à
support-operator = l'opérateur
support-note-by-operator = { $name } (opérateur)
support-topic = Sujet
support-first-response-due = Première réponse attendue
support-first-response = Première réponse
support-resolution-due = Résolution attendue
support-description = Description du problème
support-thread = Échanges
support-no-notes = Aucune note pour l'instant.
support-visibility-public = Visible par le client
support-visibility-partners = Partenaires et opérateur
support-visibility-internal = Votre équipe seulement
support-note-label = Note ajoutée
support-note-visibility = Qui peut la lire
support-add-note = Ajouter la note
support-note-added = La note a été ajoutée.
support-change-status = Changer le statut
support-status-label = Nouveau statut
support-status-changed = Le statut a été modifié.
support-assign = Attribuer
support-assignee-label = Agent attribué
support-assigned = L'attribution a été enregistrée.
support-escalate-title = Transmettre à { $provider }
support-escalate-hint = Confiez la demande au fournisseur indirect par lequel vous vendez à ce client. Le client ne voit pas le motif.
support-escalate-operator-title = Transmettre à l'opérateur
support-escalate-operator-hint = Confiez la demande à l'opérateur de ce Partnerdesk (votre distributeur ou éditeur) si vous ne pouvez pas la résoudre. L'opérateur lit le fil sauf vos notes internes ; le client ne voit pas le motif.
support-escalate-reason = Motif
support-escalate = Transmettre
support-escalated = La demande a été transmise.
support-new-title = Ouvrir une demande de service
support-new-for = Pour le compte de { $customer }
support-open = Ouvrir la demande
support-opened-notice = La demande de service a été ouverte.
support-open-for-customer = Ouvrir une demande de service
support-customer-requests = Demandes de service
support-field-title = Titre
support-field-description = Description du problème
support-field-severity = Gravité
support-field-topic = Sujet
support-field-partner = Partenaire
support-field-partner-hint = Le partenaire qui vous vend l'abonnement concerné.
support-choose = Choisir…
support-profile-title = Profil de support
support-profile-intro = Comment vos clients joignent votre support. Ils le voient dans le portail client.
support-profile-email = E-mail du support
support-profile-telephone = Téléphone du support
support-profile-telephone-hint = Au format international, par exemple +33 1 42 68 53 00.
support-profile-website = Site web du support
support-profile-hours = Horaires
support-profile-hours-hint = Par exemple du lundi au vendredi, de 8 h à 18 h (heure de Paris).
support-profile-pricing = Ce que coûte le support
support-profile-save = Enregistrer le profil
support-profile-saved = Votre profil de support a été enregistré.

## The customer portal
customer-support-title = Assistance
customer-support-intro = Vos partenaires vous assistent. Ouvrez une demande ici et suivez-la jusqu'à sa résolution.
customer-support-contacts = Comment joindre le support
customer-support-no-profile = Ce partenaire n'a pas encore publié ses coordonnées de support : ouvrez une demande ici.
customer-support-requests = Vos demandes
customer-support-none = Vous n'avez encore ouvert aucune demande.
customer-support-open = Ouvrir une demande
customer-support-close = Fermer la demande
customer-support-reopen = Rouvrir la demande
customer-support-closed-notice = La demande a été fermée.
customer-support-reopened-notice = La demande a été rouverte.
customer-support-waiting = Votre partenaire attend votre réponse.
customer-support-link = Assistance

## Mail
mail-service-request-opened-subject = [{ $number }] Nouvelle demande ({ $severity }) de { $customer } : { $title }
mail-service-request-opened-body = { $customer } a ouvert la demande de service { $number } : « { $title } ».
mail-service-request-answered-subject = [{ $number }] Réponse de { $partner } : { $title }
mail-service-request-answered-body = { $partner } a répondu à votre demande de service { $number }, « { $title } » :
mail-service-request-waiting-subject = [{ $number }] Votre réponse est attendue : { $title }
mail-service-request-waiting-body = { $partner } attend votre réponse pour poursuivre votre demande de service { $number }, « { $title } ». Répondez dans le portail client.
mail-service-request-closed-subject = [{ $number }] Fermée : { $title }
mail-service-request-closed-body = { $partner } a fermé votre demande de service { $number }, « { $title } ». Si le problème n'est pas résolu, rouvrez-la dans le portail client.
mail-service-request-escalated-subject = [{ $number }] Transmise par { $partner } : { $title }
mail-service-request-escalated-body = { $partner } vous a transmis la demande de service { $number } de { $customer }, « { $title } » :
mail-service-request-escalated-to-operator-subject = [{ $number }] Transmise à l'opérateur par { $partner } : { $title }
mail-service-request-escalated-to-operator-body = { $partner } a transmis à l'opérateur la demande de service { $number } de { $customer }, « { $title } ». Lisez-la avec « partnerdesk support show { $number } » et répondez avec « partnerdesk support note { $number } --text … ». Le motif :
mail-service-request-customer-answered-subject = [{ $number }] Réponse de { $customer } : { $title }
mail-service-request-customer-answered-body = { $customer } a répondu dans la demande de service { $number }, « { $title } » :
mail-service-request-reopened-subject = [{ $number }] Rouverte par { $customer } : { $title }
mail-service-request-reopened-body = { $customer } a rouvert la demande de service { $number }, « { $title } » : le problème n'est pas résolu.
mail-support-contact = Support de { $partner } : { $contact }
mail-open-link = Ouvrir la demande
mail-footer = Envoyé par Partnerdesk. Les réponses à cette adresse ne sont pas lues : répondez dans le portail.
support-mail-title = Courriels
support-mail-intro = Ce que les changements de votre organisation ont envoyé : réponses et demandes aux clients et à votre adresse de support. Un message qui n'a pas pu partir est renvoyé plus tard.
support-mail-no-smtp = Aucun serveur de messagerie n'est configuré (smtp_url) : les messages attendent ici et partiront dès qu'il le sera.
support-mail-none = Aucun courriel pour l'instant.
support-mail-created = Écrit le
support-mail-to = Destinataire
support-mail-subject = Objet
support-mail-sent = Envoyé le { $at }
support-mail-failed = Pas encore envoyé
support-mail-waiting = En attente
mail-user-invitation-subject = { $partner } vous invite dans Partnerdesk
mail-user-invitation-body = { $partner } vous a invité ({ $email }) dans son espace Partnerdesk. Définissez votre mot de passe avec le lien ci-dessous ; il fonctionne une fois, jusqu'au { $until }.
mail-set-password-link = Définir votre mot de passe
mail-relationship-request-subject = { $partner } souhaite devenir votre revendeur cloud
mail-relationship-request-body = { $admin ->
        [yes] { $partner } souhaite devenir revendeur pour votre organisation, avec un accès administrateur délégué pour vous aider à la gérer. Pour accepter, ouvrez le lien ci-dessous et connectez-vous avec le compte administrateur de votre organisation. Il fonctionne jusqu'au { $until }.
       *[no] { $partner } souhaite devenir revendeur pour votre organisation. Pour accepter, ouvrez le lien ci-dessous et connectez-vous avec le compte administrateur de votre organisation. Il fonctionne jusqu'au { $until }.
    }
mail-invitation-link = Examiner la demande
mail-invoice-ready-subject = Votre facture { $number } de { $partner }
mail-invoice-ready-body = La facture { $number } de { $partner } pour la période du { $start-date } au { $end-date } est disponible. Total : { $amount }.
mail-invoice-link = Voir la facture
support-field-attachments = Pièces jointes
support-field-attachments-hint = Jusqu'à { $max } fichiers de { $mb } Mo chacun : { $types }.
support-attachments = Pièces jointes
support-attachment-size = { $kb } Ko
support-field-subscription = Abonnement concerné
support-field-subscription-hint = La demande va au partenaire qui le vend.
support-subscription = Abonnement
