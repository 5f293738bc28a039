# Partnerdesk — the portal's pages. Buttons, menu items and step names follow the interface
# glossary (GLOSSARY.md). Messages explaining refused values are in api.ftl (error-*).

## Shell

app-name = Partnerdesk
skip-to-content = Passer au contenu principal
nav-label = Menu principal
nav-customers = Clients
header-signed-in-as = Connecté en tant que { $email }
header-sign-out = Se déconnecter
header-language = Langue
header-change-language = Changer de langue
optional = (facultatif)
choose = Choisissez…
none-value = —
page-title = { $page } – Partnerdesk

## Sign-in

sign-in-title = Se connecter
sign-in-intro = Connectez-vous à Partnerdesk avec votre adresse e-mail professionnelle et votre mot de passe.
sign-in-email = Adresse e-mail
sign-in-password = Mot de passe
sign-in-button = Se connecter
sign-in-failed = L'adresse e-mail ou le mot de passe est incorrect.
sign-in-locked = Trop de tentatives de connexion ont échoué. Réessayez dans { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
sign-in-signed-out = Vous êtes déconnecté.
sign-in-session-ended = Votre session a pris fin. Reconnectez-vous pour continuer.
form-expired = Ce formulaire a expiré. Vérifiez les valeurs et renvoyez-le.

## Customers

customers-title = Clients
customers-add = Ajouter un client
customers-search = Recherche
customers-search-text = Le nom de la société ou le domaine contient
customers-search-button = Rechercher
customers-search-clear = Effacer les filtres
customers-column-company = Nom de la société
customers-column-domain = Domaine
customers-column-country = Pays/région
customers-column-reseller = Revendeur indirect
customers-column-created = Date de création
customers-direct = Vente directe
customers-empty-title = Aucun client pour le moment
customers-empty-text = Ajoutez votre premier client en trois étapes : informations sur le compte, abonnements et révision.
customers-no-match = Aucun client ne correspond à cette recherche et à ces filtres.
customers-filters = Filtres
customers-filter-any = Tous
customers-filter-from = Créé à partir du
customers-filter-to = Créé jusqu'au
customers-filter-holding = Abonnements
customers-filter-subscriptions = Avec des abonnements
customers-filter-suspended = Avec des abonnements suspendus
customers-filter-country = Choisissez un pays ou une région dans la liste.
customers-filter-date = Saisissez une date comme { $example }.
customers-filter-reseller = Choisissez un revendeur indirect dans la liste.
customers-page-size = Par page
customers-export = Exporter en CSV
customers-range = { $first }–{ $last } sur { $total }
customers-range-more = { $first }–{ $last } sur plus de { $total }
customers-column-licences = Licences actives
customers-column-next-end = Prochaine fin de période
customers-pages = Pages de clients
customers-previous-page = Page précédente
customers-next-page = Page suivante

## A customer

customer-back = Retour aux clients
customer-profile = Profil
customer-id = Identifiant du client
customer-domain = Domaine
customer-created = Date de création
customer-address = Adresse
customer-contact = Contact principal
customer-email = Adresse e-mail
customer-phone = Numéro de téléphone
customer-culture = Culture et langue
customer-registration = Numéro d'immatriculation de l'organisation
customer-reseller = Revendeur indirect
customer-admin = Nom d'utilisateur administrateur
customer-agreement = Contrat client
customer-agreement-none = Aucune acceptation du contrat client n'a été enregistrée.
customer-agreement-signer = Accepté par
customer-agreement-date = Date de signature
customer-agreement-type = Contrat
customer-agreement-recorded = Date d'enregistrement
customer-subscriptions = Abonnements
customer-subscriptions-none = Ce client n'a pas encore d'abonnement.
customer-add-subscriptions = Ajouter des abonnements
customer-ordered = La commande a été passée. Ses abonnements figurent ci-dessous.
order-title = Ajouter des abonnements
order-heading = Ajouter des abonnements pour { $company }
subscription-offer = Offre
subscription-licenses = Licences
subscription-status = Statut
subscription-created = Date de création
subscription-commitment-end = Fin de l'engagement
status-active = Actif
status-suspended = Suspendu
status-deleted = Supprimé
subscription-title = Abonnement
subscription-back = Retour à { $company }
subscription-details = Détails
subscription-friendly-name = Nom
subscription-parent = Module complémentaire de
subscription-parent-link = L'abonnement parent
subscription-manage = Licences et statut
subscription-new-quantity = Nombre de licences
subscription-range = De { $min } à { $max } licences
subscription-change-quantity = Modifier les licences
subscription-suspend = Suspendre
subscription-reactivate = Réactiver
subscription-suspend-hint = Suspendre cet abonnement suspend aussi ses modules complémentaires.
subscription-suspended-hint = L'abonnement est suspendu : réactivez-le pour modifier ses licences ou acheter des modules complémentaires.
subscription-add-ons = Modules complémentaires
subscription-add-ons-none = Aucun module complémentaire n'a été acheté pour cet abonnement.
subscription-buy-add-on = Acheter un module complémentaire
subscription-add-on = Module complémentaire
subscription-buy = Acheter le module
subscription-done-quantity = Le nombre de licences a été modifié.
subscription-done-suspend = L'abonnement a été suspendu.
subscription-done-reactivate = L'abonnement a été réactivé.
subscription-done-add-on = Le module complémentaire a été acheté.
subscription-plan-label = Durée et facturation
plan-p1m-monthly = Un mois, facturé mensuellement
plan-p1y-monthly = Un an, facturé mensuellement
plan-p1y-annual = Un an, facturé annuellement
plan-p3y-monthly = Trois ans, facturé mensuellement
plan-p3y-annual = Trois ans, facturé annuellement
plan-p3y-triennial = Trois ans, payé d'avance
subscription-refundable-label = Licences pouvant être retirées
subscription-refundable = { $count } jusqu'au { $date }
subscription-refundable-none = Aucune : une licence ne peut être retirée que dans les 7 jours suivant son ajout
subscription-cancel-until-label = Résiliable jusqu'au
subscription-cancel-closed = Plus maintenant : un abonnement n'est résiliable que dans les 7 jours suivant son achat ou son renouvellement
subscription-cancel = Résilier l'abonnement
subscription-done-cancel = L'abonnement a été résilié.
subscription-auto-renew-label = Renouvelé à la fin de sa durée
subscription-auto-renew-on = Oui
subscription-auto-renew-off = Non : il prend fin avec sa durée
subscription-turn-off-auto-renew = Désactiver le renouvellement automatique
subscription-turn-on-auto-renew = Activer le renouvellement automatique
subscription-done-auto-renew-off = Le renouvellement automatique est désactivé : l'abonnement prend fin avec sa durée.
subscription-done-auto-renew-on = Le renouvellement automatique est activé.
subscription-changed-meanwhile = Quelqu'un a modifié cet abonnement pendant que vous l'aviez ouvert. Vérifiez ses licences et son statut, puis réessayez.

## The "Add customer" wizard

wizard-title = Ajouter un client
wizard-steps = Progression
wizard-step-current = étape actuelle
step-account = Informations sur le compte
step-subscriptions = Abonnements
step-review = Révision
fieldset-company = Informations sur la société
fieldset-contact = Contact principal
fieldset-domain = Domaine
fieldset-agreement = Contrat client
fieldset-reseller = Revendeur indirect
label-company-name = Nom de la société
label-country = Pays/région
label-address-line1 = Ligne d'adresse 1
label-address-line2 = Ligne d'adresse 2
label-city = Ville
label-state = État ou province
label-postal-code = Code postal
label-phone = Numéro de téléphone
label-registration = Numéro d'immatriculation de l'organisation
label-culture = Format des dates et des nombres
label-language = Langue
label-first-name = Prénom
label-last-name = Nom
label-email = Adresse e-mail
label-domain-prefix = Préfixe de domaine
label-agreement-accepted = Le client a accepté le contrat client
label-signer-first-name = Prénom du signataire
label-signer-last-name = Nom du signataire
label-signer-email = Adresse e-mail du signataire
label-signer-phone = Numéro de téléphone du signataire
label-date-agreed = Date de signature
label-reseller = Vendre via
option-no-reseller = Aucun revendeur indirect (vente directe)
hint-country = Choisissez d'abord le pays : il détermine les informations obligatoires.
hint-postal-required = Obligatoire dans ce pays, sous une forme telle que { $example }.
hint-postal-optional = Facultatif dans ce pays.
hint-registration = Obligatoire pour les sociétés de ce pays. Exemple : { $sample }
hint-registration-none = Non utilisé dans ce pays : laissez ce champ vide.
hint-phone-required = Obligatoire pour les sociétés de ce pays.
hint-culture = Formats de date et de nombre du client ; par défaut, ceux du pays.
hint-language = Langue du client ; par défaut, celle du pays.
hint-domain = Lettres a–z et chiffres 0–9 uniquement, 27 caractères au maximum. Le domaine ne pourra plus être modifié par la suite.
hint-date = Date à laquelle le client a accepté le contrat, au plus tard aujourd'hui.
hint-reseller = Le client sera associé à ce revendeur.
agreement-read = Lire le contrat client
apply-country = Appliquer les règles du pays
domain-check = Vérifier la disponibilité
domain-available = { $domain } est disponible.
domain-taken = { $domain } est déjà utilisé. Choisissez un autre préfixe.
domain-invalid = Entrez un préfixe valide pour vérifier sa disponibilité.
subscriptions-intro = Choisissez les offres pour { $company } et entrez le nombre de licences de chacune.
subscriptions-country = Offres disponibles – { $country }
subscriptions-range = De { $min } à { $max }
subscriptions-licenses = Nombre de licences
subscriptions-add-ons = Une fois que le client a des abonnements, vous pouvez acheter des modules complémentaires depuis sa page.
subscriptions-none = Aucune offre n'est disponible dans ce pays.
review-intro = Vérifiez les informations, puis créez le client. Pour modifier une section, sélectionnez « Mettre à jour ».
review-account = Informations sur le compte
review-subscriptions = Abonnements
review-agreement-accepted = Accepté par { $name } le { $date }
review-licenses = { $count ->
    [one] { $count } licence
   *[other] { $count } licences
}
review-domain = { $domain }
review-submit-note = La création du client crée son locataire, son utilisateur administrateur, l'enregistrement du contrat et les abonnements.
button-next-subscriptions = Suivant : Abonnements
button-back = Précédent
button-next-review = Suivant : Révision
button-update = Mettre à jour
button-submit = Envoyer
button-create-customer = Créer le client
button-done = Terminé
button-copy = Copier
button-copied = Copié
error-summary-title = { $count ->
    [one] Cette page comporte { $count } problème
   *[other] Cette page comporte { $count } problèmes
}
error-summary-item = { $field } : { $message }
confirmation-title = Le client a été créé
confirmation-intro = { $company } dispose désormais de son locataire { $domain }, de ses abonnements et d'un compte administrateur.
confirmation-username = Nom d'utilisateur administrateur
confirmation-password = Mot de passe temporaire
confirmation-warning = Copiez le mot de passe maintenant : il ne sera plus affiché. L'administrateur du client devra le modifier lors de sa première connexion.
confirmation-password-gone = Le mot de passe n'est affiché qu'une seule fois, dans la session qui a créé le client. Demandez à un agent d'administration d'attribuer un nouveau mot de passe à l'administrateur du client.

## Error pages

page-not-found-title = Page introuvable
page-not-found-text = Cette page n'existe pas ou vous n'y avez pas accès.
page-forbidden-title = Vous ne pouvez pas effectuer cette action
page-forbidden-text = Votre rôle ne permet pas cette action. Adressez-vous à un agent d'administration de votre organisation.
page-error-title = Un problème est survenu
page-error-text = La page n'a pas pu être affichée. Réessayez ; si le problème persiste, indiquez l'identifiant de corrélation { $correlation }.
page-unavailable-text = Le service est temporairement indisponible. Réessayez dans quelques instants.
page-go-customers = Accéder aux clients

## Dates

month-1 = janv.
month-2 = févr.
month-3 = mars
month-4 = avr.
month-5 = mai
month-6 = juin
month-7 = juil.
month-8 = août
month-9 = sept.
month-10 = oct.
month-11 = nov.
month-12 = déc.
date-format = { $day } { $month } { $year }

nav-activity = Activité
activity-title = Activité
activity-export = Exporter en CSV
activity-action = Action
activity-all-actions = Toutes les actions
activity-actor = Personne
activity-from = Du
activity-to = Au
activity-filter = Filtrer
activity-date-invalid = Entrez une date au format AAAA-MM-JJ.
activity-all-customers = Toute l'activité
activity-none = Aucune activité ne correspond à ces filtres.
activity-when = Heure
activity-older = Entrées plus anciennes
activity-channel-api = API
activity-channel-portal = Portail
activity-channel-customer-portal = Portail client
activity-channel-cli = Commande serveur
activity-customer-created = Client ajouté
activity-billing-profile-updated = Profil de facturation modifié
activity-agreement-attested = Acceptation du contrat client enregistrée
activity-order-placed = Commande passée
activity-subscription-quantity-changed = Licences modifiées
activity-subscription-suspended = Abonnement suspendu
activity-subscription-reactivated = Abonnement réactivé
activity-subscription-cancelled = Abonnement résilié
activity-subscription-renewed = Abonnement renouvelé
activity-subscription-auto-renew-changed = Renouvellement automatique modifié
activity-signed-in = Connexion
activity-user-created = Utilisateur ajouté
activity-password-set = Mot de passe défini
activity-token-created = Jeton d'API créé

nav-users = Utilisateurs
nav-tokens = Jetons d'API
users-title = Utilisateurs
users-invited = L'utilisateur a été invité. Envoyez-lui ce lien pour définir son mot de passe ; il fonctionne une fois, pendant 7 jours :
users-link-once = Ce lien n'est affiché que maintenant.
users-email = E-mail
users-role = Rôle
users-status = Statut
users-you = vous
users-role-of = Rôle de { $email }
users-save = Enregistrer le rôle
users-active = Actif
users-inactive = Désactivé
users-deactivate = Désactiver
users-reactivate = Réactiver
users-invite = Inviter un utilisateur
users-invite-button = Inviter
role-admin-agent = Agent administrateur
role-sales-agent = Agent commercial
role-helpdesk-agent = Agent du support technique
role-billing-admin = Administrateur de facturation
set-password-title = Définir votre mot de passe
set-password-intro = Choisissez le mot de passe de { $email }.
set-password-new = Nouveau mot de passe
set-password-hint = Au moins 12 caractères.
set-password-confirm = Confirmez le nouveau mot de passe
set-password-button = Définir le mot de passe
set-password-invalid = Ce lien a déjà été utilisé ou a expiré. Demandez une nouvelle invitation à un agent administrateur de votre organisation.
sign-in-password-set = Votre mot de passe est défini. Connectez-vous avec celui-ci.
tokens-title = Jetons d'API
tokens-intro = Les jetons d'API permettent à des programmes d'appeler l'API Partnerdesk en votre nom : envoyez-en un sous la forme « Authorization: Bearer <jeton> ».
tokens-created = Votre nouveau jeton d'API :
tokens-once = Copiez-le maintenant : il n'est affiché que cette fois.
tokens-none = Il n'y a encore aucun jeton d'API.
tokens-name = Nom
tokens-user = Utilisateur
tokens-created-on = Créé le
tokens-revoked-on = Révoqué le { $date }
tokens-revoke = Révoquer
tokens-revoke-named = Révoquer { $name }
tokens-new = Créer un jeton d'API
tokens-name-hint = À quoi sert le jeton, par exemple le nom du programme qui l'utilise.
tokens-create = Créer le jeton
activity-token-revoked = Jeton d'API révoqué
activity-user-invited = Utilisateur invité
activity-user-role-changed = Rôle modifié
activity-user-deactivated = Utilisateur désactivé
activity-user-reactivated = Utilisateur réactivé

customer-sign-in-title = Connexion client
customer-sign-in-intro = Connectez-vous avec le compte administrateur de votre organisation : le nom d'utilisateur et le mot de passe fournis par votre partenaire.
customer-sign-in-user-name = Nom d'utilisateur
customer-password-title = Modifier votre mot de passe
customer-password-forced = Avant de continuer, remplacez le mot de passe temporaire par le vôtre.
customer-password-current = Mot de passe actuel
customer-password-button = Modifier le mot de passe
customer-home-title = Votre organisation
customer-invitation-accepted = Vous avez accepté l'invitation : ce partenaire fait désormais partie de vos partenaires.
customer-invitation-declined = Vous avez refusé l'invitation.
customer-invitation-title = Invitation d'un partenaire
customer-invitation-from = { $partner } demande à devenir revendeur pour votre organisation.
customer-invitation-through = Vous achèteriez par l'intermédiaire de son revendeur indirect { $reseller }.
customer-invitation-dap = Il demande aussi un accès administrateur délégué à votre organisation.
customer-invitation-expires = Cette invitation expire le { $date }.
customer-invitation-accept = Accepter
customer-invitation-decline = Refuser
customer-invitation-invalid = Cette invitation n'existe pas, a expiré ou a déjà reçu une réponse.
customer-invitations = Invitations
customer-partners = Vos partenaires
customer-partner = Partenaire
customer-partner-since = Depuis le
relationship-title = Demander une relation de revendeur
relationship-intro = Envoyez à un client existant un lien avec lequel son administrateur vous accepte comme revendeur. Une fois la demande acceptée, le client apparaît dans votre liste Clients.
relationship-link = Envoyez ce lien à l'administrateur du client ; il fonctionne pendant 30 jours :
relationship-email-label = E-mail à envoyer
relationship-new = Nouvelle demande
relationship-dap = Demander aussi un accès administrateur délégué
relationship-create = Créer le lien
activity-relationship-requested = Relation de revendeur demandée
activity-relationship-accepted = Relation de revendeur acceptée
activity-relationship-declined = Relation de revendeur refusée
relationship-email =
    Bonjour,

    { $partner } souhaite devenir revendeur pour votre organisation.

    Pour accepter, ouvrez ce lien et connectez-vous avec le compte administrateur de votre organisation :
    { $link }

    Le lien fonctionne pendant 30 jours.

    Cordialement,
    { $partner }
nav-resellers = Revendeurs
resellers-title = Vos revendeurs indirects
resellers-invited = Le revendeur a été ajouté. Envoyez ce lien à son agent administrateur pour qu'il définisse un mot de passe ; il fonctionne une fois, pendant 7 jours :
resellers-none = Vous n'avez encore aucun revendeur indirect.
resellers-name = Revendeur
resellers-mpn = ID partenaire
resellers-invite = Inviter un revendeur
resellers-admin-email = E-mail de son agent administrateur
activity-reseller-invited = Revendeur invité
activity-customer-price-rule-changed = Règle de prix client modifiée

## Flash messages and confirmations
tokens-revoked-notice = Le jeton a été révoqué : les programmes qui l'utilisaient ne peuvent plus appeler l'API.
users-role-saved = Le rôle a été enregistré.
users-deactivated-notice = L'utilisateur a été désactivé : il ne peut plus se connecter ni utiliser ses jetons d'API.
users-reactivated-notice = L'utilisateur a été réactivé.
customer-password-changed = Votre mot de passe a été modifié.
wizard-cancelled = Le nouveau client a été abandonné.
wizard-cancel = Annuler
confirm-title = Veuillez confirmer
confirm-cancel = Annuler
confirm-suspend = Suspendre { $offer } pour { $company } ? Ses utilisateurs perdent l'accès et ses extensions actives sont suspendues avec lui. La facturation continue pendant la suspension.
confirm-suspend-button = Suspendre
confirm-cancel-subscription = Résilier { $offer } pour { $company } ? Les jours non utilisés sont remboursés, ses extensions sont résiliées avec lui et il ne pourra pas être réactivé.
confirm-cancel-subscription-button = Résilier l'abonnement
confirm-lower = Réduire { $offer } pour { $company } de { $from } à { $to } licences ? Les utilisateurs au-delà du nouveau nombre perdent leur licence.
confirm-lower-button = Réduire les licences
confirm-revoke = Révoquer le jeton d'API { $name } ? Les programmes qui l'utilisent ne pourront plus appeler l'API.
confirm-revoke-button = Révoquer le jeton
confirm-deactivate = Désactiver { $email } ? Cette personne ne pourra plus se connecter ni utiliser ses jetons d'API. Vous pourrez la réactiver plus tard.
confirm-deactivate-button = Désactiver
confirm-discard = Abandonner ce nouveau client ? Tout ce qui a été saisi dans l'assistant est perdu ; rien n'a encore été créé.
confirm-discard-button = Abandonner

## Charge types

charge-new = Achat
charge-renew = Renouvellement
charge-cycle-charge = Frais du cycle
charge-add-quantity = Licences ajoutées
charge-remove-quantity = Licences retirées
charge-move-quantity = Licences déplacées
charge-cancel-immediate = Remboursement de l’annulation
charge-convert = Conversion
charge-change-billing-plan = Plan de facturation modifié
charge-customer-credit = Avoir
charge-extend-term = Durée prolongée

## Billing

nav-billing = Facturation
billing-title = Facturation
billing-invoices = Factures
billing-no-invoices = Aucune facture pour l’instant : les frais d’un mois deviennent une facture à la clôture du mois.
billing-invoice-number = Facture
billing-period = Période
billing-invoice-date = Date de facture
billing-lines = Lignes
billing-subtotal = Sous-total
billing-tax = Taxe
billing-total = Total
billing-unbilled = Frais non encore facturés
billing-currency = Devise
billing-show = Afficher
billing-unbilled-intro = Les frais de ce mois jusqu’à présent, à votre coût. Ils figureront sur la facture du mois prochain.
billing-no-unbilled = Aucun frais ce mois-ci dans cette devise.
billing-unbilled-total = Total à ce jour : { $amount }
billing-more-lines = Seules les 2 000 premières lignes sont affichées.
billing-invoice-title = Facture
billing-invoice-heading = Facture { $number }
billing-lines-by-customer = Lignes par client
billing-product = Produit
billing-charge = Frais
billing-dates = Dates
billing-quantity = Quantité
billing-amount = Montant
prices-title = Liste de prix et prix clients
prices-intro = Votre coût de chaque offre pour toute sa durée, le prix de vente conseillé et ce que paient vos clients selon vos règles. Prix hors taxes ; un abonnement garde son prix jusqu’à son renouvellement.
prices-market = Marché
prices-rules = Règles de prix client
prices-rules-intro = Une règle définie pour une offre l’emporte sur votre règle par défaut ; une règle définie dans l’onglet Facturation d’un client l’emporte sur les deux. Les nouvelles règles s’appliquent aux nouveaux achats et aux renouvellements.
prices-default-rule = Votre règle par défaut
prices-rule-builtin = Prix de vente conseillé s’il existe, sinon votre coût
prices-rule-inherit = Votre règle par défaut
prices-rule-erp = Prix de vente conseillé
prices-rule-percent = Pourcentage sur votre coût
prices-percent-label = Pourcentage sur le coût
prices-save = Enregistrer
prices-none = Aucune offre n’a de prix sur ce marché.
prices-plan = Durée et facturation
prices-cost = Votre coût
prices-erp = Prix conseillé
prices-customer-price = Prix client
prices-margin = Marge
prices-rule = Règle appliquée
prices-offer-rules = Règles par offre
prices-offer-rules-intro = Définissez une règle pour une offre afin de la tarifer autrement que votre règle par défaut.
prices-saved-notice = La règle de prix client est enregistrée.
prices-source-default = Intégrée : prix conseillé ou coût
prices-source-partner = Votre règle par défaut
prices-source-offer = Règle de cette offre
prices-source-customer = Règle de ce client
prices-source-customer-offer = Règle de ce client pour cette offre
customer-billing-title = Facturation du client
customer-billing-back = Retour à { $company }
customer-billing-back-billing = Retour à la facturation de { $company }
customer-billing-heading = Facturation : { $company }
customer-billing-rule = Règle de prix de ce client
customer-billing-rule-intro = Une règle définie ici l’emporte sur votre règle par défaut et sur celles des offres pour tout ce que ce client achète ensuite, et à ses renouvellements.
customer-billing-margins = Abonnements de la période
customer-billing-margins-intro = Votre coût et le prix client pour toute la durée de chaque abonnement à son nombre de licences. Le client ne voit jamais votre coût ni votre marge.
customer-billing-no-priced = Aucun abonnement tarifé.
customer-billing-invoices = Factures à ce client
subscriptions-plan = { $plan } : { $price } par licence pour la durée
subscriptions-plan-with-cost = { $plan } : { $price } par licence pour la durée (votre coût { $cost })
customer-back-home = Retour à votre page d’accueil
customer-invoice-from = De
customer-no-invoices = Aucune facture pour l’instant : les factures de vos partenaires apparaissent ici à la clôture du mois.
billing-download-csv = Télécharger en CSV
billing-download-pdf = Télécharger en PDF
pdf-from = De
pdf-to = À
users-link-mailed = L'utilisateur reçoit aussi un e-mail avec son propre lien.
relationship-send-to = E-mail de l'administrateur du client (facultatif)
relationship-send-to-hint = Nous lui envoyons la demande par e-mail, avec son propre lien.
activity-user-invitation-resent = Invitation renvoyée
activity-user-invitation-revoked = Invitation révoquée
activity-customer-password-reset = Mot de passe client réinitialisé
users-invited-until = Invité, lien valable jusqu'au { $date }
users-invitation-expired = Invité, lien expiré
users-invitation-revoked = Invitation révoquée
users-resend = Renvoyer
users-revoke = Révoquer l'invitation
users-revoked = L'invitation a été révoquée : ses liens ne fonctionnent plus.
users-role-help-admin-agent = Agent administrateur : tout, y compris les utilisateurs, les jetons et les prix.
users-role-help-sales-agent = Agent commercial : ajoute des clients, passe des commandes et modifie des abonnements, consulte les prix et le support.
users-role-help-helpdesk-agent = Agent du support technique : traite les demandes de service, modifie les profils de facturation et les abonnements.
users-role-help-billing-admin = Administrateur de facturation : factures, prix et règles de prix des clients.
relationship-reseller-hint = Vente directe : le client achète chez vous. Un revendeur : le client achète chez ce revendeur, qui achète chez vous.
relationship-dap-hint = L'accès administrateur délégué permet à vos agents administrateurs et du support technique de gérer pour le client ses utilisateurs, ses licences et ses paramètres.
