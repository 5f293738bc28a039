# The activity log told as sentences: one per action, with the names of what it concerns.
activity-what = Ce qui s’est passé
activity-via = Canal
activity-filter-customer = Client
activity-filtered-on = Seules les entrées correspondant à ces filtres sont affichées :
story-a-customer = un client
story-customer-created = { $actor } a ajouté { $customer }.
story-billing-profile-updated = { $actor } a modifié le profil de facturation de { $customer } : { $fields }.
story-agreement-attested = { $actor } a enregistré que { $signer } a accepté le contrat client pour { $customer }.
story-order-placed = { $actor } a passé une commande pour { $customer } : { $items }.
story-subscription-quantity-changed = { $actor } a { $direction ->
        [up] augmenté
       *[other] réduit
    } { $offer } pour { $customer } de { $from } à { $to } { $count ->
        [one] licence
       *[other] licences
    }.
story-subscription-suspended = { $actor } a suspendu { $offer } pour { $customer }.
story-subscription-reactivated = { $actor } a réactivé { $offer } pour { $customer }.
story-subscription-cancelled = { $actor } a annulé { $offer } pour { $customer }.
story-subscription-renewed = { $offer } de { $customer } a été renouvelé pour une nouvelle période à partir du { $start }.
story-subscription-expired = { $offer } de { $customer } a expiré le { $end } : sa période s’est terminée sans renouvellement.
story-subscription-next-term-changed = { $scheduled ->
    [yes] { $actor } a planifié le renouvellement de { $offer } de { $customer } avec { $next }.
   *[no] { $actor } a supprimé le changement planifié pour le renouvellement de { $offer } de { $customer }.
}
story-subscription-auto-renew-changed = { $actor } a { $on ->
        [true] activé
       *[other] désactivé
    } le renouvellement automatique de { $offer } pour { $customer }.
story-signed-in = { $actor } s’est connecté(e).
story-user-created = { $actor } a créé l’utilisateur { $email } avec le rôle { $role }.
story-password-set = { $actor } a défini le mot de passe de { $email }.
story-token-created = { $actor } a créé le jeton d’API « { $name } » pour { $user }.
story-token-revoked = { $actor } a révoqué le jeton d’API « { $name } » de { $user }.
story-user-invited = { $actor } a invité { $email } avec le rôle { $role }.
story-user-role-changed = { $actor } a changé le rôle de { $email } de { $from } en { $to }.
story-user-deactivated = { $actor } a désactivé { $email }.
story-user-reactivated = { $actor } a réactivé { $email }.
story-relationship-requested = { $actor } a créé une demande de relation de revendeur{ $dap ->
        [true] {" "}avec accès administrateur délégué
       *[other] {""}
    }.
story-relationship-accepted = { $customer } a accepté une demande de relation de revendeur.
story-relationship-declined = { $customer } a refusé une demande de relation de revendeur.
story-reseller-invited = { $actor } a invité le revendeur indirect { $reseller } et son administrateur { $adminEmail }.
story-customer-price-rule-changed = { $scope ->
        [customer] { $actor } a fixé la règle de prix de { $customer } à { $rule }.
        [offer] { $actor } a fixé la règle de prix de { $offer } à { $rule }.
       *[other] { $actor } a fixé la règle de prix par défaut à { $rule }.
    }
story-support-profile-updated = { $actor } a mis à jour le profil de support.
story-service-request-opened = { $actor } a ouvert { $request } pour { $customer }.
story-service-request-note-added = { $actor } a ajouté { $visibility ->
        [internal] une note interne
       *[other] une note
    } à { $request }.
story-service-request-status-changed = { $actor } a changé le statut de { $request } de « { $from } » en « { $to } ».
story-service-request-assigned = { $assigned ->
        [no] { $actor } a retiré l’attribution de { $request }.
       *[other] { $actor } a attribué { $request } à { $assignee }.
    }
story-service-request-escalated = { $actor } a fait remonter { $request } de { $customer }.
story-user-invitation-resent = { $actor } a renvoyé l’invitation de { $email }.
story-user-invitation-revoked = { $actor } a révoqué l’invitation de { $email }.
story-customer-password-reset = { $actor } a donné un nouveau mot de passe temporaire à { $userName } de { $customer }.
