# Partnerdesk — messages of the REST API and of every validation rule.
# The rule messages (error-*) also appear next to form fields in the portal, so they
# never name the field themselves.

## Validation rules

error-required = This value is required.
error-too-long = Use at most { $max ->
    [one] { $max } character
   *[other] { $max } characters
}.
error-single-character = A company name needs more than one character.
error-no-letters-or-digits = Use letters or digits, not only punctuation or spaces.
error-legal-form-only = Enter the company's name, not only its legal form (such as LLC or Ltd).
error-country-unknown = { $suggestion ->
    [none] Use a two-letter ISO 3166 country code, such as US or FR.
   *[other] Use the ISO 3166 code { $suggestion } for this country.
}
error-state-unknown = Choose a state or province of the selected country.
error-postal-code-format = This postal code doesn't match the format used in the selected country, such as { $example }.
error-phone-invalid = Enter a phone number that is valid in the selected country, or an international number starting with +.
error-phone-required-in-country = Companies in the selected country must give a phone number.
error-email-invalid = Enter an email address such as name@example.com.
error-email-at-partner-domain = Use the customer's own email address, not one at your organization's domain.
error-registration-number-required = Companies in the selected country must give their organization registration number.
error-registration-number-invalid = The organization registration number doesn't have the expected format, such as { $sample }.
error-registration-number-not-accepted = Leave the organization registration number empty: the selected country doesn't use it.
error-culture-unsupported = Choose one of the cultures supported in the selected country.
error-language-unsupported = Choose one of the languages supported in the selected country.
error-domain-prefix-characters = Use only the letters a–z and the digits 0–9, with no spaces, dots or hyphens.
error-domain-suffix = The domain must end with { $suffix }, or give only the prefix.
error-domain-taken = This domain is already in use. Choose another prefix.
error-agreement-not-accepted = Confirm that the customer has accepted the customer agreement.
error-date-in-future = The date of agreement can't be later than today.
error-date-invalid = Enter a date as YYYY-MM-DD, no earlier than the year 2000.
error-agreement-template-unknown = Use the template id of the current version of the agreement.
error-agreement-type-unknown = Use the agreement type MicrosoftCustomerAgreement or MicrosoftCloudAgreement.
error-agreement-already-confirmed = This contact has already confirmed the agreement for this customer.
error-agreement-required = The customer must accept the customer agreement before you can place an order.
error-agreement-not-offered = Agreement confirmation isn't offered in this cloud.
error-offer-unknown = This offer doesn't exist in the catalog.
error-offer-not-in-country = This offer isn't available in the customer's country.
error-offer-not-purchasable = This offer can't be purchased at the moment.
error-quantity-out-of-range = Enter a number of licenses from { $min } to { $max }.
error-quantity-not-a-number = Enter the number of licenses as a whole number.
error-no-line-items = Choose at least one offer.
error-too-many-line-items = An order can have at most { $max } line items.
error-addon-needs-parent = An add-on needs the id of the subscription it is bought for.
error-addon-not-related = This add-on can't be bought for a subscription of that offer.
error-parent-not-active = The subscription this add-on is for must be active.
error-parent-not-found = The subscription this add-on is for doesn't exist for this customer.
error-not-an-addon = Only add-ons are bought for a parent subscription.
error-subscription-quantity-out-of-range = This subscription can have from { $min } to { $max } licenses.
error-quantity-while-suspending = The number of licenses can't change in the same request that suspends the subscription.
error-subscription-suspended = The subscription is suspended: reactivate it before changing the number of licenses.
error-status-unsupported = The status can be only "active", "suspended" or "deleted" (to cancel).
error-subscription-deleted = This subscription was deleted and can't change.
error-subscription-expired = This subscription's term ended without a renewal, so it expired and can't change. Order the offer again to buy it anew.
error-next-term-needs-auto-renew = A change at the next term can be scheduled only for a subscription that renews: turn auto-renewal on first.
error-parent-not-in-order = The subscription this add-on is for belongs to another order.
error-only-add-ons = Only add-ons can be added to an existing order; place a new order for this offer.
error-last-admin = Your organization needs at least one active admin agent: make another user an admin agent first.
error-role-unknown = Choose one of the roles.
error-password-too-short = Use at least { $min } characters.
error-password-mismatch = The two passwords differ: type the same password twice.
error-password-wrong = The current password is wrong.
error-password-same = Choose a password other than the current one.
error-email-taken = A user with this email exists already.
error-reseller-unknown = Choose one of your active indirect resellers.
error-indirect-model-unavailable = Indirect resellers aren't available in this cloud.
error-partner-on-record-is-provider = Use the indirect reseller's partner id, not your own.
error-invalid-id = This isn't a valid id.
error-country-cannot-change = A customer's country can't be changed.
error-term-unknown = Choose a term of P1M (one month), P1Y (one year) or P3Y (three years).
error-billing-plan-unknown = Choose a billing plan of monthly, annual or triennial.
error-billing-plan-not-for-term = The { $plan } billing plan isn't offered with a { $term } term.
error-no-price-in-effect = This offer has no price for this term and billing plan in the customer's market and currency.
error-seat-reduction-window-passed = You have passed your { $hours }-hour window for reducing seats: { $refundable ->
    [0] no license can be removed now.
    [one] only one license can still be removed.
   *[other] only { $refundable } licenses can still be removed.
}
error-cancellation-window-passed = You have passed your { $hours }-hour cancellation window: the subscription is billed to the end of its term.
error-quantity-while-cancelling = The number of licenses can't change in the same request that cancels the subscription.
error-auto-renew-not-offered = This offer doesn't renew automatically.
error-quantity-change-invalid = Remove fewer licenses than the subscription has; to remove all of them, cancel it.
error-date-outside-cycle = This subscription's term has ended: it can change again once it is renewed.
error-amount-overflow = This amount is too large.
error-amount-invalid = Type a number such as 15 or 12.5.
error-markup-out-of-range = Use a markup from 0 to { $max } percent.
error-erp-missing = This offer has no suggested retail price: set a percent over cost instead.

## API errors

api-fields-invalid = { $count ->
    [one] One value is invalid:
   *[other] { $count } values are invalid:
}
api-unauthorized = Send an API token in the Authorization header: "Authorization: Bearer <token>".
api-token-invalid = The API token is unknown or was revoked.
api-forbidden = Your role ({ $role }) doesn't allow this action.
api-reseller-forbidden = Indirect resellers can't do this: their indirect provider adds customers, confirms agreements and places orders for them.
api-not-found = The requested resource doesn't exist.
api-customer-not-found = Your organization has no customer with this id.
api-invitation-not-found = This invitation doesn't exist or was already answered.
api-user-not-found = Your organization has no user with this id.
api-link-not-found = This link doesn't exist, was used already or has expired.
api-token-not-found = You have no API token with this id.
api-order-not-found = This customer has no order with this id that you can see.
api-subscription-not-found = This customer has no subscription with this id that you can see.
api-invoice-not-found = You have no invoice with this number.
api-offer-not-found = The catalog has no offer with this id in this country.
api-country-rules-not-found = No validation rules were found for { $country }: use an ISO 3166 alpha-2 code, such as GB for the United Kingdom.
api-bad-request = The request isn't valid: check its parameters and body against the API reference at /docs.
api-route-not-found = There is no such API endpoint. See /docs for the API reference.
api-method-not-allowed = This HTTP method isn't allowed on this resource.
api-malformed-json = The request body isn't valid JSON: { $detail }
api-invalid-value = A value has the wrong type: { $detail }
api-unsupported-media-type = Send the request body as JSON, with the header "Content-Type: application/json".
api-payload-too-large = The request body is larger than { $max } bytes.
api-domain-taken = The domain { $domain } is already in use. Choose another domain prefix.
api-request-id-reused = This MS-RequestId was already used for a different request. Use a new id for a new request.
api-precondition-failed = The resource changed since you read it: read it again and reapply your change.
api-precondition-required = Send the resource's etag in the If-Match header (or in attributes.etag) to change it.
api-too-many-requests = Rate limit is exceeded. Try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.
api-internal = Something went wrong on our side. Quote the correlation id { $correlation } when you report it.
api-unavailable = The service is temporarily unavailable. Try again in a moment.
api-relationship-requests-unavailable = Reseller relationship requests aren't available in this cloud.

## Query parameters

query-size = Use a page size from 1 to 1000.
query-provider = Use provider=onetime: Partnerdesk bills new-commerce license charges only.
query-invoice-line-item-type = Use invoicelineitemtype=billinglineitems.
query-currency-code = Use the ISO 4217 code of a currency, such as EUR or USD.
query-period = Use period=current or period=previous.
query-line-size = Use a page size from 1 to 2000.
query-offset = Use an offset of 0 or more.
query-filter = Use a filter such as {"{"}"Field":"CompanyName","Value":"Con","Operator":"starts_with"{"}"}. Fields: CompanyName, Domain, IndirectReseller; the only operator is starts_with.
query-continuation = The continuation token isn't valid for this list: start again from the first page.
query-seek-operation = Use seekOperation=Next with the MS-ContinuationToken header of the previous page.
query-relationship-type = Use relationship_type=IsIndirectCloudSolutionProviderOf, or IsIndirectResellerOf for a reseller.
query-agreement-type = Use agreementType=MicrosoftCustomerAgreement, MicrosoftCloudAgreement or *.
query-order-id = The order id isn't a valid id.
query-reseller-not-provider = Only indirect providers name an indirect reseller.
query-reseller-unknown = This isn't one of your active indirect resellers.
query-date = Enter a time as RFC 3339 (2026-11-22T10:00:00Z) or a date (2026-11-22).
query-customer-id = The customer id isn't a valid id.
query-operation-type = Unknown operation type: use one of customer-created, billing-profile-updated, agreement-attested, order-placed, subscription-quantity-changed, subscription-suspended, subscription-reactivated, signed-in, user-created, password-set, token-created.
error-self-deactivation = You can't deactivate yourself: ask another admin agent.
error-attachment-too-large = Attach files of at most { $max } MB each.
error-attachment-type-refused = Attach only files of these types, with content that matches their name: { $types }.
error-attachment-empty = This file is empty: attach one with content.
error-too-many-attachments = Attach at most { $max } files.
error-subscription-unknown = Choose one of the customer's subscriptions, sold by the partner the request goes to.
error-subscription-of-other-partner = Another partner sells this subscription: choose that partner, or leave the partner empty.
