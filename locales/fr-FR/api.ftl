# Partnerdesk — messages of the REST API and of every validation rule.
# The rule messages (error-*) also appear next to form fields in the portal, so they
# never name the field themselves.

## Validation rules

error-required = Cette valeur est obligatoire.
error-too-long = Entrez au maximum { $max ->
    [one] { $max } caractère
   *[other] { $max } caractères
}.
error-single-character = Un nom de société doit comporter plus d'un caractère.
error-no-letters-or-digits = Utilisez des lettres ou des chiffres, pas uniquement des signes de ponctuation ou des espaces.
error-legal-form-only = Entrez le nom de la société, et pas uniquement sa forme juridique (par exemple SARL ou SAS).
error-country-unknown = { $suggestion ->
    [none] Utilisez un code pays ISO 3166 à deux lettres, par exemple US ou FR.
   *[other] Utilisez le code ISO 3166 { $suggestion } pour ce pays.
}
error-state-unknown = Choisissez un État ou une province du pays sélectionné.
error-postal-code-format = Ce code postal ne correspond pas au format utilisé dans le pays sélectionné, par exemple { $example }.
error-phone-invalid = Entrez un numéro de téléphone valide dans le pays sélectionné, ou un numéro international commençant par +.
error-phone-required-in-country = Les sociétés du pays sélectionné doivent indiquer un numéro de téléphone.
error-email-invalid = Entrez une adresse e-mail, par exemple name@example.com.
error-email-at-partner-domain = Utilisez l'adresse e-mail propre au client, et non une adresse du domaine de votre organisation.
error-registration-number-required = Les sociétés du pays sélectionné doivent indiquer leur numéro d'immatriculation de l'organisation.
error-registration-number-invalid = Le numéro d'immatriculation de l'organisation n'a pas le format attendu, par exemple { $sample }.
error-registration-number-not-accepted = Laissez le numéro d'immatriculation de l'organisation vide : le pays sélectionné ne l'utilise pas.
error-culture-unsupported = Choisissez l'une des cultures prises en charge dans le pays sélectionné.
error-language-unsupported = Choisissez l'une des langues prises en charge dans le pays sélectionné.
error-domain-prefix-characters = Utilisez uniquement les lettres a–z et les chiffres 0–9, sans espaces, points ni traits d'union.
error-domain-suffix = Indiquez un domaine se terminant par { $suffix }, ou uniquement le préfixe.
error-domain-taken = Ce domaine est déjà utilisé. Choisissez un autre préfixe.
error-agreement-not-accepted = Confirmez que le client a accepté le contrat client.
error-date-in-future = La date du contrat ne peut pas être postérieure à aujourd'hui.
error-date-invalid = Entrez une date au format YYYY-MM-DD, à partir de l'année 2000.
error-agreement-template-unknown = Utilisez l'identifiant de modèle de la version actuelle du contrat.
error-agreement-type-unknown = Utilisez le type de contrat MicrosoftCustomerAgreement ou MicrosoftCloudAgreement.
error-agreement-already-confirmed = Ce contact a déjà confirmé le contrat pour ce client.
error-agreement-required = Le client doit accepter le contrat client avant que vous puissiez passer une commande.
error-agreement-not-offered = La confirmation du contrat n'est pas proposée dans ce cloud.
error-offer-unknown = Cette offre n'existe pas dans le catalogue.
error-offer-not-in-country = Cette offre n'est pas disponible dans le pays du client.
error-offer-not-purchasable = Cette offre ne peut pas être achetée pour le moment.
error-quantity-out-of-range = Entrez un nombre de licences compris entre { $min } et { $max }.
error-quantity-not-a-number = Entrez le nombre de licences sous forme de nombre entier.
error-no-line-items = Choisissez au moins une offre.
error-too-many-line-items = Une commande peut comporter au maximum { $max ->
    [one] { $max } ligne
   *[other] { $max } lignes
}.
error-addon-needs-parent = Un module complémentaire nécessite l'identifiant de l'abonnement pour lequel il est acheté.
error-addon-not-related = Ce module complémentaire ne peut pas être acheté pour un abonnement à cette offre.
error-parent-not-active = L'abonnement auquel ce module complémentaire est destiné doit être actif.
error-parent-not-found = L'abonnement auquel ce module complémentaire est destiné n'existe pas pour ce client.
error-not-an-addon = Seuls les modules complémentaires s'achètent pour un abonnement parent.
error-subscription-quantity-out-of-range = Cet abonnement peut compter de { $min } à { $max } licences.
error-quantity-while-suspending = Le nombre de licences ne peut pas changer dans la demande qui suspend l'abonnement.
error-subscription-suspended = L'abonnement est suspendu : réactivez-le avant de modifier le nombre de licences.
error-status-unsupported = Le statut peut être uniquement « active », « suspended » ou « deleted » (pour résilier).
error-subscription-deleted = Cet abonnement a été supprimé et ne peut plus être modifié.
error-subscription-expired = La période de cet abonnement s’est terminée sans renouvellement : il a expiré et ne peut plus être modifié. Commandez de nouveau l’offre pour l’acheter à nouveau.
error-next-term-needs-auto-renew = Un changement pour la prochaine période ne peut être planifié que pour un abonnement qui se renouvelle : activez d’abord le renouvellement automatique.
error-parent-not-in-order = L'abonnement auquel ce module complémentaire est destiné appartient à une autre commande.
error-only-add-ons = Seuls des modules complémentaires peuvent être ajoutés à une commande existante ; passez une nouvelle commande pour cette offre.
error-last-admin = Votre organisation doit garder au moins un agent administrateur actif : faites d'abord d'un autre utilisateur un agent administrateur.
error-role-unknown = Choisissez l'un des rôles.
error-password-too-short = Utilisez au moins { $min } caractères.
error-password-mismatch = Les deux mots de passe diffèrent : tapez deux fois le même mot de passe.
error-password-wrong = Le mot de passe actuel est incorrect.
error-password-same = Choisissez un mot de passe différent de l'actuel.
error-email-taken = Un utilisateur avec cette adresse e-mail existe déjà.
error-reseller-unknown = Choisissez l'un de vos revendeurs indirects actifs.
error-indirect-model-unavailable = Les revendeurs indirects ne sont pas disponibles dans ce cloud.
error-partner-on-record-is-provider = Utilisez l'identifiant partenaire du revendeur indirect, et non le vôtre.
error-invalid-id = Cet identifiant n'est pas valide.
error-country-cannot-change = Le pays d'un client ne peut pas être modifié.
error-term-unknown = Choisissez une durée P1M (un mois), P1Y (un an) ou P3Y (trois ans).
error-billing-plan-unknown = Choisissez une facturation monthly (mensuelle), annual (annuelle) ou triennial (triennale).
error-billing-plan-not-for-term = La facturation { $plan } n'est pas proposée avec une durée { $term }.
error-no-price-in-effect = Cette offre n'a pas de prix pour cette durée et cette facturation dans le marché et la devise du client.
error-seat-reduction-window-passed = Le délai de { $hours } heures pour réduire le nombre de licences est dépassé : { $refundable ->
    [0] aucune licence ne peut plus être retirée.
    [one] une seule licence peut encore être retirée.
   *[other] seules { $refundable } licences peuvent encore être retirées.
}
error-cancellation-window-passed = Le délai de résiliation de { $hours } heures est dépassé : l'abonnement est facturé jusqu'à la fin de sa durée.
error-quantity-while-cancelling = Le nombre de licences ne peut pas changer dans la demande qui résilie l'abonnement.
error-auto-renew-not-offered = Cette offre ne se renouvelle pas automatiquement.
error-quantity-change-invalid = Retirez moins de licences que l'abonnement n'en compte ; pour toutes les retirer, résiliez-le.
error-date-outside-cycle = La durée de cet abonnement est terminée : il pourra de nouveau changer une fois renouvelé.
error-amount-overflow = Ce montant est trop élevé.
error-amount-invalid = Saisissez un nombre tel que 15 ou 12.5.
error-markup-out-of-range = Utilisez une marge de 0 à { $max } pour cent.
error-erp-missing = Cette offre n’a pas de prix de vente conseillé : définissez plutôt un pourcentage sur le coût.

## API errors

api-fields-invalid = { $count ->
    [one] { $count } valeur n'est pas valide :
   *[other] { $count } valeurs ne sont pas valides :
}
api-unauthorized = Envoyez un jeton d'API dans l'en-tête Authorization : « Authorization: Bearer <token> ».
api-token-invalid = Le jeton d'API est inconnu ou a été révoqué.
api-forbidden = Votre rôle ({ $role }) ne permet pas cette action.
api-reseller-forbidden = Les revendeurs indirects ne peuvent pas effectuer cette action : c'est leur fournisseur indirect qui ajoute les clients, confirme les contrats et passe les commandes pour eux.
api-not-found = La ressource demandée n'existe pas.
api-customer-not-found = Votre organisation n'a aucun client portant cet identifiant.
api-invitation-not-found = Cette invitation n'existe pas ou a déjà reçu une réponse.
api-user-not-found = Votre organisation n'a aucun utilisateur portant cet identifiant.
api-link-not-found = Ce lien n'existe pas, a déjà servi ou a expiré.
api-token-not-found = Vous n'avez aucun jeton d'API portant cet identifiant.
api-order-not-found = Ce client n'a aucune commande portant cet identifiant que vous pouvez consulter.
api-subscription-not-found = Ce client n'a aucun abonnement portant cet identifiant que vous pouvez consulter.
api-invoice-not-found = Vous n'avez aucune facture portant ce numéro.
api-offer-not-found = Le catalogue ne contient aucune offre portant cet identifiant dans ce pays.
api-country-rules-not-found = Aucune règle de validation n'a été trouvée pour { $country } : utilisez un code ISO 3166 alpha-2, par exemple GB pour le Royaume-Uni.
api-bad-request = La requête n'est pas valide : vérifiez ses paramètres et son corps dans la référence de l'API (/docs).
api-route-not-found = Ce point de terminaison d'API n'existe pas. Consultez /docs pour la référence de l'API.
api-method-not-allowed = Cette méthode HTTP n'est pas autorisée sur cette ressource.
api-malformed-json = Le corps de la requête n'est pas un JSON valide : { $detail }
api-invalid-value = Une valeur n'est pas du bon type : { $detail }
api-unsupported-media-type = Envoyez le corps de la requête au format JSON, avec l'en-tête « Content-Type: application/json ».
api-payload-too-large = Le corps de la requête dépasse { $max ->
    [one] { $max } octet
   *[other] { $max } octets
}.
api-domain-taken = Le domaine { $domain } est déjà utilisé. Choisissez un autre préfixe de domaine.
api-request-id-reused = Cet identifiant MS-RequestId a déjà été utilisé pour une autre requête. Utilisez un nouvel identifiant pour chaque nouvelle requête.
api-precondition-failed = La ressource a changé depuis que vous l'avez lue : lisez-la de nouveau, puis réappliquez votre modification.
api-precondition-required = Pour modifier la ressource, envoyez son etag dans l'en-tête If-Match (ou dans attributes.etag).
api-too-many-requests = La limite de débit est dépassée. Réessayez dans { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}.
api-internal = Une erreur s'est produite de notre côté. Indiquez l'identifiant de corrélation { $correlation } lorsque vous la signalez.
api-unavailable = Le service est temporairement indisponible. Réessayez dans quelques instants.
api-relationship-requests-unavailable = Les demandes de relation de revendeur ne sont pas disponibles dans ce cloud.

## Query parameters

query-size = Utilisez une taille de page comprise entre 1 et 1000.
query-provider = Utilisez provider=onetime : Partnerdesk ne facture que les licences new commerce.
query-invoice-line-item-type = Utilisez invoicelineitemtype=billinglineitems.
query-currency-code = Utilisez le code ISO 4217 d'une devise, comme EUR ou USD.
query-period = Utilisez period=current ou period=previous.
query-line-size = Utilisez une taille de page de 1 à 2000.
query-offset = Utilisez un décalage supérieur ou égal à 0.
query-filter = Utilisez un filtre tel que {"{"}"Field":"CompanyName","Value":"Con","Operator":"starts_with"{"}"}. Champs : CompanyName, Domain, IndirectReseller ; le seul opérateur est starts_with.
query-continuation = Le jeton de continuation n'est pas valide pour cette liste : recommencez à partir de la première page.
query-seek-operation = Utilisez seekOperation=Next avec l'en-tête MS-ContinuationToken de la page précédente.
query-relationship-type = Utilisez relationship_type=IsIndirectCloudSolutionProviderOf, ou IsIndirectResellerOf pour un revendeur.
query-agreement-type = Utilisez agreementType=MicrosoftCustomerAgreement, MicrosoftCloudAgreement ou *.
query-order-id = L'identifiant de commande n'est pas valide.
query-reseller-not-provider = Seuls les fournisseurs indirects désignent un revendeur indirect.
query-reseller-unknown = Ce n'est pas l'un de vos revendeurs indirects actifs.
query-date = Entrez une heure au format RFC 3339 (2026-11-22T10:00:00Z) ou une date (2026-11-22).
query-customer-id = L'identifiant du client n'est pas valide.
query-operation-type = Type d'opération inconnu : utilisez customer-created, billing-profile-updated, agreement-attested, order-placed, subscription-quantity-changed, subscription-suspended, subscription-reactivated, signed-in, user-created, password-set ou token-created.
error-self-deactivation = Vous ne pouvez pas vous désactiver vous-même : demandez à un autre agent administrateur.
error-attachment-too-large = Joignez des fichiers de { $max } Mo au plus chacun.
error-attachment-type-refused = Joignez uniquement des fichiers de ces types, dont le contenu correspond au nom : { $types }.
error-attachment-empty = Ce fichier est vide : joignez un fichier avec du contenu.
error-too-many-attachments = Joignez { $max } fichiers au plus.
error-subscription-unknown = Choisissez l'un des abonnements du client, vendu par le partenaire à qui va la demande.
error-subscription-of-other-partner = Un autre partenaire vend cet abonnement : choisissez ce partenaire, ou laissez le partenaire vide.
