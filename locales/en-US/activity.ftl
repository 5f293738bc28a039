# The activity log told as sentences: one per action, with the names of what it concerns.
activity-what = What happened
activity-via = Through
activity-filter-customer = Customer
activity-filtered-on = Showing only entries with:
story-a-customer = a customer
story-customer-created = { $actor } added { $customer }.
story-billing-profile-updated = { $actor } changed the billing profile of { $customer }: { $fields }.
story-agreement-attested = { $actor } recorded that { $signer } accepted the customer agreement for { $customer }.
story-order-placed = { $actor } placed an order for { $customer }: { $items }.
story-subscription-quantity-changed = { $actor } { $direction ->
        [up] raised
       *[other] lowered
    } { $offer } for { $customer } from { $from } to { $to } { $count ->
        [one] license
       *[other] licenses
    }.
story-subscription-suspended = { $actor } suspended { $offer } for { $customer }.
story-subscription-reactivated = { $actor } reactivated { $offer } for { $customer }.
story-subscription-cancelled = { $actor } cancelled { $offer } for { $customer }.
story-subscription-renewed = { $offer } of { $customer } renewed for a new term from { $start }.
story-subscription-expired = { $offer } of { $customer } expired on { $end }: its term ended without a renewal.
story-subscription-next-term-changed = { $scheduled ->
    [yes] { $actor } scheduled { $offer } of { $customer } to renew with { $next }.
   *[no] { $actor } removed the change scheduled for the renewal of { $offer } of { $customer }.
}
story-subscription-auto-renew-changed = { $actor } turned { $on ->
        [true] on
       *[other] off
    } auto-renewal of { $offer } for { $customer }.
story-signed-in = { $actor } signed in.
story-user-created = { $actor } created the user { $email } as { $role }.
story-password-set = { $actor } set the password of { $email }.
story-token-created = { $actor } created the API token “{ $name }” for { $user }.
story-token-revoked = { $actor } revoked the API token “{ $name }” of { $user }.
story-user-invited = { $actor } invited { $email } as { $role }.
story-user-role-changed = { $actor } changed the role of { $email } from { $from } to { $to }.
story-user-deactivated = { $actor } deactivated { $email }.
story-user-reactivated = { $actor } reactivated { $email }.
story-relationship-requested = { $actor } created a reseller relationship request{ $dap ->
        [true] {" "}with delegated admin access
       *[other] {""}
    }.
story-relationship-accepted = { $customer } accepted a reseller relationship request.
story-relationship-declined = { $customer } declined a reseller relationship request.
story-reseller-invited = { $actor } invited the indirect reseller { $reseller } and its admin { $adminEmail }.
story-customer-price-rule-changed = { $scope ->
        [customer] { $actor } set the price rule of { $customer } to { $rule }.
        [offer] { $actor } set the price rule of { $offer } to { $rule }.
       *[other] { $actor } set the default price rule to { $rule }.
    }
story-support-profile-updated = { $actor } updated the support profile.
story-service-request-opened = { $actor } opened { $request } for { $customer }.
story-service-request-note-added = { $actor } added { $visibility ->
        [internal] an internal note
       *[other] a note
    } to { $request }.
story-service-request-status-changed = { $actor } changed the status of { $request } from { $from } to { $to }.
story-service-request-assigned = { $assigned ->
        [no] { $actor } unassigned { $request }.
       *[other] { $actor } assigned { $request } to { $assignee }.
    }
story-service-request-escalated = { $actor } escalated { $request } of { $customer }.
story-user-invitation-resent = { $actor } sent the invitation to { $email } again.
story-user-invitation-revoked = { $actor } revoked the invitation of { $email }.
story-customer-password-reset = { $actor } gave { $userName } of { $customer } a new temporary password.
