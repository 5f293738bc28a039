# Partnerdesk — the portal's pages. Buttons, menu items and step names follow the interface
# glossary (GLOSSARY.md). Messages explaining refused values are in api.ftl (error-*).

## Shell

app-name = Partnerdesk
skip-to-content = Skip to main content
nav-label = Main menu
nav-customers = Customers
header-signed-in-as = Signed in as { $email }
header-sign-out = Sign out
header-language = Language
header-change-language = Change language
optional = (optional)
choose = Choose…
none-value = —
page-title = { $page } – Partnerdesk

## Sign-in

sign-in-title = Sign in
sign-in-intro = Sign in to Partnerdesk with your work email address and password.
sign-in-email = Email
sign-in-password = Password
sign-in-button = Sign in
sign-in-failed = The email address or the password is incorrect.
sign-in-locked = Too many failed attempts to sign in. Try again in { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
sign-in-signed-out = You signed out.
sign-in-session-ended = Your session ended. Sign in again to continue.
form-expired = This form expired. Check the values and send it again.

## Customers

customers-title = Customers
customers-add = Add customer
customers-search = Search
customers-search-text = Company name or domain contains
customers-search-button = Search
customers-search-clear = Clear filters
customers-column-company = Company name
customers-column-domain = Domain
customers-column-country = Country/region
customers-column-reseller = Indirect reseller
customers-column-created = Created
customers-direct = Direct
customers-empty-title = No customers yet
customers-empty-text = Add your first customer: its account info, its subscriptions and a review, in three steps.
customers-no-match = No customer matches this search and these filters.
customers-filters = Filters
customers-filter-any = Any
customers-filter-from = Created from
customers-filter-to = Created to
customers-filter-holding = Subscriptions
customers-filter-subscriptions = Has subscriptions
customers-filter-suspended = Has suspended subscriptions
customers-filter-country = Choose a country or region from the list.
customers-filter-date = Enter a date such as { $example }.
customers-filter-reseller = Choose an indirect reseller from the list.
customers-page-size = Per page
customers-export = Export CSV
customers-range = { $first }–{ $last } of { $total }
customers-range-more = { $first }–{ $last } of more than { $total }
customers-column-licences = Active licenses
customers-column-next-end = Next term end
customers-pages = Customer pages
customers-previous-page = Previous page
customers-next-page = Next page

## A customer

customer-back = Back to customers
customer-profile = Profile
customer-id = Customer ID
customer-domain = Domain
customer-created = Created
customer-address = Address
customer-contact = Primary contact
customer-email = Email
customer-phone = Phone number
customer-culture = Culture and language
customer-registration = Organization registration number
customer-reseller = Indirect reseller
customer-admin = Admin user name
customer-agreement = Customer agreement
customer-agreement-none = No acceptance of the customer agreement has been recorded.
customer-agreement-signer = Accepted by
customer-agreement-date = Date signed
customer-agreement-type = Agreement
customer-agreement-recorded = Recorded
customer-subscriptions = Subscriptions
customer-subscriptions-none = This customer has no subscriptions yet.
customer-add-subscriptions = Add subscriptions
customer-ordered = The order was placed. Its subscriptions are listed below.
order-title = Add subscriptions
order-heading = Add subscriptions for { $company }
subscription-offer = Offer
subscription-licenses = Licenses
subscription-status = Status
subscription-created = Created
subscription-commitment-end = Commitment ends
status-active = Active
status-suspended = Suspended
status-deleted = Deleted
subscription-title = Subscription
subscription-back = Back to { $company }
subscription-details = Details
subscription-friendly-name = Name
subscription-parent = Add-on of
subscription-parent-link = The parent subscription
subscription-manage = Licenses and status
subscription-new-quantity = Number of licenses
subscription-range = From { $min } to { $max } licenses
subscription-change-quantity = Change licenses
subscription-suspend = Suspend
subscription-reactivate = Reactivate
subscription-suspend-hint = Suspending this subscription also suspends its add-ons.
subscription-suspended-hint = The subscription is suspended: reactivate it to change its licenses or buy add-ons.
subscription-add-ons = Add-ons
subscription-add-ons-none = No add-ons have been bought for this subscription.
subscription-buy-add-on = Buy an add-on
subscription-add-on = Add-on
subscription-buy = Buy add-on
subscription-done-quantity = The number of licenses was changed.
subscription-done-suspend = The subscription was suspended.
subscription-done-reactivate = The subscription was reactivated.
subscription-done-add-on = The add-on was bought.
subscription-plan-label = Term and billing
plan-p1m-monthly = One month, billed monthly
plan-p1y-monthly = One year, billed monthly
plan-p1y-annual = One year, billed yearly
plan-p3y-monthly = Three years, billed monthly
plan-p3y-annual = Three years, billed yearly
plan-p3y-triennial = Three years, paid upfront
subscription-refundable-label = Licenses that can be removed
subscription-refundable = { $count } until { $date }
subscription-refundable-none = None: licenses can be removed only within 7 days of being added
subscription-cancel-until-label = Can be cancelled until
subscription-cancel-closed = No longer: a subscription can be cancelled only within 7 days of its purchase or renewal
subscription-cancel = Cancel subscription
subscription-done-cancel = The subscription was cancelled.
subscription-auto-renew-label = Renews at the end of its term
subscription-auto-renew-on = Yes
subscription-auto-renew-off = No: it ends with its term
subscription-turn-off-auto-renew = Turn off auto-renewal
subscription-turn-on-auto-renew = Turn on auto-renewal
subscription-done-auto-renew-off = Auto-renewal is off: the subscription ends with its term.
subscription-done-auto-renew-on = Auto-renewal is on.
subscription-changed-meanwhile = Someone changed this subscription while you had it open. Check its licenses and status, then try again.

## The "Add customer" wizard

wizard-title = Add a new customer
wizard-steps = Progress
wizard-step-current = current step
step-account = Account info
step-subscriptions = Subscriptions
step-review = Review
fieldset-company = Company details
fieldset-contact = Primary contact
fieldset-domain = Domain
fieldset-agreement = Customer agreement
fieldset-reseller = Indirect reseller
label-company-name = Company name
label-country = Country/region
label-address-line1 = Address line 1
label-address-line2 = Address line 2
label-city = City
label-state = State or province
label-postal-code = Postal code
label-phone = Phone number
label-registration = Organization registration number
label-culture = Date and number formats
label-language = Language
label-first-name = First name
label-last-name = Last name
label-email = Email
label-domain-prefix = Domain prefix
label-agreement-accepted = The customer has accepted the customer agreement
label-signer-first-name = Signer's first name
label-signer-last-name = Signer's last name
label-signer-email = Signer's email
label-signer-phone = Signer's phone number
label-date-agreed = Date signed
label-reseller = Sell through
option-no-reseller = No indirect reseller (sell directly)
hint-country = Choose the country first: it decides which details are required.
hint-postal-required = Required in this country, in a form such as { $example }.
hint-postal-optional = Optional in this country.
hint-registration = Required for companies in this country. Example: { $sample }
hint-registration-none = Not used in this country: leave it empty.
hint-phone-required = Required for companies in this country.
hint-culture = Formats of dates and numbers for the customer; defaults to the country's.
hint-language = The customer's language; defaults to the country's.
hint-domain = Letters a–z and digits 0–9 only, at most 27 characters. The domain can't be changed later.
hint-date = The day the customer accepted, no later than today.
hint-reseller = The customer will be associated with this reseller.
agreement-read = Read the customer agreement
apply-country = Apply the country's rules
domain-check = Check availability
domain-available = { $domain } is available.
domain-taken = { $domain } is already in use. Choose another prefix.
domain-invalid = Enter a valid prefix to check it.
subscriptions-intro = Choose the offers for { $company } and enter the number of licenses of each.
subscriptions-country = Offers available in { $country }
subscriptions-range = From { $min } to { $max }
subscriptions-licenses = Number of licenses
subscriptions-add-ons = Add-ons can be bought from the customer's page once it has subscriptions.
subscriptions-none = No offers are available in this country.
review-intro = Check the details, then create the customer. Use Update to change a section.
review-account = Account info
review-subscriptions = Subscriptions
review-agreement-accepted = Accepted by { $name } on { $date }
review-licenses = { $count ->
    [one] { $count } license
   *[other] { $count } licenses
}
review-domain = { $domain }
review-submit-note = Creating the customer creates its tenant, its admin user, the agreement record and the subscriptions.
button-next-subscriptions = Next: Subscriptions
button-back = Back
button-next-review = Next: Review
button-update = Update
button-submit = Submit
button-create-customer = Create customer
button-done = Done
button-copy = Copy
button-copied = Copied
error-summary-title = { $count ->
    [one] There is a problem with this page
   *[other] There are { $count } problems with this page
}
error-summary-item = { $field }: { $message }
confirmation-title = The customer was created
confirmation-intro = { $company } now has its tenant { $domain }, its subscriptions and an admin account.
confirmation-username = Admin user name
confirmation-password = Temporary password
confirmation-warning = Copy the password now: it won't be shown again. The customer's admin must change it when they first sign in.
confirmation-password-gone = The password is shown only once, in the session that created the customer. Ask an admin agent to give the customer's admin a new password.

## Error pages

page-not-found-title = Page not found
page-not-found-text = This page doesn't exist, or you have no access to it.
page-forbidden-title = You can't do this
page-forbidden-text = Your role doesn't allow this action. Ask an admin agent of your organization.
page-error-title = Something went wrong
page-error-text = The page couldn't be shown. Try again; if it happens again, quote the correlation id { $correlation }.
page-unavailable-text = The service is temporarily unavailable. Try again in a moment.
page-go-customers = Go to Customers

## Dates

month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
date-format = { $month } { $day }, { $year }

nav-activity = Activity
activity-title = Activity
activity-export = Export CSV
activity-action = Action
activity-all-actions = All actions
activity-actor = Person
activity-from = From
activity-to = To
activity-filter = Filter
activity-date-invalid = Enter a date as YYYY-MM-DD.
activity-all-customers = All activity
activity-none = No activity matches these filters.
activity-when = Time
activity-older = Older entries
activity-channel-api = API
activity-channel-portal = Portal
activity-channel-customer-portal = Customer portal
activity-channel-cli = Server command
activity-customer-created = Customer added
activity-billing-profile-updated = Billing profile changed
activity-agreement-attested = Customer agreement acceptance recorded
activity-order-placed = Order placed
activity-subscription-quantity-changed = Licenses changed
activity-subscription-suspended = Subscription suspended
activity-subscription-reactivated = Subscription reactivated
activity-subscription-cancelled = Subscription cancelled
activity-subscription-renewed = Subscription renewed
activity-subscription-auto-renew-changed = Auto-renewal changed
activity-signed-in = Signed in
activity-user-created = User added
activity-password-set = Password set
activity-token-created = API token created

nav-users = Users
nav-tokens = API tokens
users-title = Users
users-invited = The user was invited. Send them this link to set their password; it works once, for 7 days:
users-link-once = This link is shown only now.
users-email = Email
users-role = Role
users-status = Status
users-you = you
users-role-of = Role of { $email }
users-save = Save role
users-active = Active
users-inactive = Deactivated
users-deactivate = Deactivate
users-reactivate = Reactivate
users-invite = Invite a user
users-invite-button = Invite
role-admin-agent = Admin agent
role-sales-agent = Sales agent
role-helpdesk-agent = Helpdesk agent
role-billing-admin = Billing admin
set-password-title = Set your password
set-password-intro = Choose the password for { $email }.
set-password-new = New password
set-password-hint = At least 12 characters.
set-password-confirm = New password again
set-password-button = Set password
set-password-invalid = This link has been used or has expired. Ask an admin agent of your organization for a new invitation.
sign-in-password-set = Your password is set. Sign in with it.
tokens-title = API tokens
tokens-intro = API tokens let programs call the Partnerdesk API as you: send one as "Authorization: Bearer <token>".
tokens-created = Your new API token:
tokens-once = Copy it now: it is shown only this once.
tokens-none = There are no API tokens yet.
tokens-name = Name
tokens-user = User
tokens-created-on = Created
tokens-revoked-on = Revoked on { $date }
tokens-revoke = Revoke
tokens-revoke-named = Revoke { $name }
tokens-new = Create an API token
tokens-name-hint = What the token is for, such as the name of the program that uses it.
tokens-create = Create token
activity-token-revoked = API token revoked
activity-user-invited = User invited
activity-user-role-changed = Role changed
activity-user-deactivated = User deactivated
activity-user-reactivated = User reactivated

customer-sign-in-title = Customer sign-in
customer-sign-in-intro = Sign in with your organization's admin account: the user name and password your partner gave you.
customer-sign-in-user-name = User name
customer-password-title = Change your password
customer-password-forced = Before you continue, replace the temporary password with one of your own.
customer-password-current = Current password
customer-password-button = Change password
customer-home-title = Your organization
customer-invitation-accepted = You accepted the invitation: the partner is now one of your partners.
customer-invitation-declined = You declined the invitation.
customer-invitation-title = Invitation from a partner
customer-invitation-from = { $partner } asks to become a reseller for your organization.
customer-invitation-through = You would buy through its indirect reseller { $reseller }.
customer-invitation-dap = It also asks for delegated admin access to your organization.
customer-invitation-expires = This invitation expires on { $date }.
customer-invitation-accept = Accept
customer-invitation-decline = Decline
customer-invitation-invalid = This invitation doesn't exist, has expired, or was already answered.
customer-invitations = Invitations
customer-partners = Your partners
customer-partner = Partner
customer-partner-since = Since
relationship-title = Request a reseller relationship
relationship-intro = Send a customer that exists already a link with which its admin accepts you as a reseller. Once accepted, the customer appears in your Customers list.
relationship-link = Send this link to the customer's admin; it works for 30 days:
relationship-email-label = Email to send
relationship-new = New request
relationship-dap = Also ask for delegated admin access
relationship-create = Create link
activity-relationship-requested = Reseller relationship requested
activity-relationship-accepted = Reseller relationship accepted
activity-relationship-declined = Reseller relationship declined
relationship-email =
    Hello,

    { $partner } would like to become a reseller for your organization.

    To accept, open this link and sign in with your organization's admin account:
    { $link }

    The link works for 30 days.

    Regards,
    { $partner }
nav-resellers = Resellers
resellers-title = Your indirect resellers
resellers-invited = The reseller was added. Send this link to its admin agent to set a password; it works once, for 7 days:
resellers-none = You have no indirect resellers yet.
resellers-name = Reseller
resellers-mpn = Partner ID
resellers-invite = Invite a reseller
resellers-admin-email = Email of its admin agent
activity-reseller-invited = Reseller invited
activity-customer-price-rule-changed = Customer price rule changed

## Flash messages and confirmations
tokens-revoked-notice = The token was revoked: programs that used it can no longer call the API.
users-role-saved = The role was saved.
users-deactivated-notice = The user was deactivated: they can no longer sign in or use their API tokens.
users-reactivated-notice = The user was reactivated.
customer-password-changed = Your password was changed.
wizard-cancelled = The new customer was discarded.
wizard-cancel = Cancel
confirm-title = Please confirm
confirm-cancel = Cancel
confirm-suspend = Suspend { $offer } for { $company }? Its users lose access, and its active add-ons are suspended with it. Billing goes on while it is suspended.
confirm-suspend-button = Suspend
confirm-cancel-subscription = Cancel { $offer } for { $company }? The unused days are refunded, its add-ons are cancelled with it, and it can't be reactivated.
confirm-cancel-subscription-button = Cancel subscription
confirm-lower = Lower { $offer } for { $company } from { $from } to { $to } licenses? Users beyond the new count lose their licenses.
confirm-lower-button = Lower the licenses
confirm-revoke = Revoke the API token { $name }? Programs that use it can no longer call the API.
confirm-revoke-button = Revoke the token
confirm-deactivate = Deactivate { $email }? They can no longer sign in or use their API tokens. You can reactivate them later.
confirm-deactivate-button = Deactivate
confirm-discard = Discard this new customer? Everything entered in the wizard is lost; nothing was created yet.
confirm-discard-button = Discard

## Charge types

charge-new = Purchase
charge-renew = Renewal
charge-cycle-charge = Billing cycle charge
charge-add-quantity = Licenses added
charge-remove-quantity = Licenses removed
charge-move-quantity = Licenses moved
charge-cancel-immediate = Cancellation refund
charge-convert = Conversion
charge-change-billing-plan = Billing plan changed
charge-customer-credit = Credit
charge-extend-term = Term extended

## Billing

nav-billing = Billing
billing-title = Billing
billing-invoices = Invoices
billing-no-invoices = No invoice yet: a month's charges become an invoice when the month closes.
billing-invoice-number = Invoice
billing-period = Period
billing-invoice-date = Invoice date
billing-lines = Lines
billing-subtotal = Subtotal
billing-tax = Tax
billing-total = Total
billing-unbilled = Charges not yet invoiced
billing-currency = Currency
billing-show = Show
billing-unbilled-intro = The charges of this month so far, at your cost. They go on next month's invoice.
billing-no-unbilled = No charges this month in this currency.
billing-unbilled-total = Total so far: { $amount }
billing-more-lines = Only the first 2,000 lines are shown.
billing-invoice-title = Invoice
billing-invoice-heading = Invoice { $number }
billing-lines-by-customer = Lines by customer
billing-product = Product
billing-charge = Charge
billing-dates = Dates
billing-quantity = Quantity
billing-amount = Amount
prices-title = Price list and customer prices
prices-intro = Your cost of each offer for its whole term, the suggested retail price, and what your customers pay by your rules. Prices exclude tax; a subscription keeps its price until it renews.
prices-market = Market
prices-rules = Customer price rules
prices-rules-intro = A rule set for an offer wins over your default; a rule set on a customer's Billing tab wins over both. New rules apply to new purchases and renewals.
prices-default-rule = Your default rule
prices-rule-builtin = Suggested retail price where listed, else your cost
prices-rule-inherit = Your default rule
prices-rule-erp = Suggested retail price
prices-rule-percent = Percent over your cost
prices-percent-label = Percent over cost
prices-save = Save
prices-none = No offer has prices in this market.
prices-plan = Term and billing
prices-cost = Your cost
prices-erp = Suggested retail
prices-customer-price = Customer price
prices-margin = Margin
prices-rule = Rule applied
prices-offer-rules = Rules per offer
prices-offer-rules-intro = Set a rule for an offer to price it apart from your default.
prices-saved-notice = The customer price rule is saved.
prices-source-default = Built-in: retail or cost
prices-source-partner = Your default
prices-source-offer = This offer's rule
prices-source-customer = This customer's rule
prices-source-customer-offer = This customer's rule for this offer
customer-billing-title = Customer billing
customer-billing-back = Back to { $company }
customer-billing-back-billing = Back to the billing of { $company }
customer-billing-heading = Billing: { $company }
customer-billing-rule = This customer's price rule
customer-billing-rule-intro = A rule set here wins over your default and your offers' rules for everything this customer buys next, and at its renewals.
customer-billing-margins = Subscriptions this term
customer-billing-margins-intro = Your cost and the customer's price for each subscription's whole term at its license count. The customer never sees your cost or margin.
customer-billing-no-priced = No priced subscription.
customer-billing-invoices = Invoices to this customer
subscriptions-plan = { $plan }: { $price } a license for the term
subscriptions-plan-with-cost = { $plan }: { $price } a license for the term (your cost { $cost })
customer-back-home = Back to your home page
customer-invoice-from = From
customer-no-invoices = No invoice yet: your partners' invoices appear here when a month closes.
billing-download-csv = Download CSV
billing-download-pdf = Download PDF
pdf-from = From
pdf-to = To
users-link-mailed = The user also gets an email with a link of their own.
relationship-send-to = Customer admin's email (optional)
relationship-send-to-hint = We email the request there, with a link of its own.
activity-user-invitation-resent = Invitation sent again
activity-user-invitation-revoked = Invitation revoked
activity-customer-password-reset = Customer password reset
users-invited-until = Invited, link valid until { $date }
users-invitation-expired = Invited, link expired
users-invitation-revoked = Invitation revoked
users-resend = Send again
users-revoke = Revoke invitation
users-revoked = The invitation was revoked: its links no longer work.
users-role-help-admin-agent = Admin agent: everything, including users, tokens and prices.
users-role-help-sales-agent = Sales agent: adds customers, orders and changes subscriptions, reads prices and support.
users-role-help-helpdesk-agent = Helpdesk agent: works service requests, edits billing profiles and subscriptions.
users-role-help-billing-admin = Billing admin: invoices, prices and customer price rules.
relationship-reseller-hint = Direct: the customer buys from you. A reseller: the customer buys from that reseller, which buys from you.
relationship-dap-hint = Delegated admin access lets your admin and helpdesk agents manage the customer's users, licenses and settings for it.
