# Partnerdesk — support: the support profile, service requests, and their API messages.

## Rules
error-severity-unknown = Choose a severity: critical, moderate or minimal.
error-support-topic-unknown = Choose one of the support topics.
error-request-status-unknown = Use a status of open, attention_needed or closed.
error-request-status-same = The request already has this status.
error-request-status-unsupported = You can close a request or reopen it.
error-phone-not-international = Enter the number in international form: + and the country code, such as +1 425 555 0100.
error-website-invalid = Enter a web address starting with https:// or http://, such as https://example.com/support.
error-support-contact-required = Give an email address or a telephone number, so that customers can reach your support.
error-assignee-unknown = Choose one of your active admin or helpdesk agents.
error-partner-unknown = Choose one of your partners.
error-escalation-unavailable = This request can't be escalated: it was escalated already, or there is nobody above you to escalate it to.

## API
api-service-request-not-found = You have no service request with this number.
api-service-request-file-not-found = This service request has no file with this number.
api-support-profile-not-found = You haven't published a support profile yet: PUT /v1/profiles/support publishes it.
api-locale-not-found = Use one of the locales en-US, zh-TW, zh-CN, fr-FR or ru-RU.
api-service-request-no-change = Send a change: newNote, status, assignee, or escalate with newNote.
api-service-request-one-change = Send one change per request: newNote, status, assignee, or escalate with newNote.
api-note-visibility = Use a note visibility of public, partners or internal.
query-request-status = Use status=open, status=attention_needed or status=closed.
query-severity = Use severity=critical, severity=moderate or severity=minimal.
query-assignee = Use assignee=me, assignee=none or the id of one of your agents.
query-overdue = Use overdue=true or overdue=false.
query-request-size = Use a page size from 1 to 200.

## Topics
support-topic-sign-in = Signing in
support-topic-sign-in-description = Users can't sign in, passwords, multi-factor authentication.
support-topic-licenses = Licenses and subscriptions
support-topic-licenses-description = Assigning licenses, license counts, renewals.
support-topic-billing = Billing and invoices
support-topic-billing-description = Questions about an invoice, a charge or a price.
support-topic-service-outage = Service outage
support-topic-service-outage-description = A service is down or slow for several users.
support-topic-configuration = Setup and configuration
support-topic-configuration-description = Setting up domains, mail, devices or security settings.
support-topic-other = Other
support-topic-other-description = Anything else.

## Severities and statuses
severity-critical = Critical
severity-moderate = Moderate
severity-minimal = Minimal
severity-critical-hint = Critical: production is down. First answer within { $hours } hours.
severity-moderate-hint = Moderate: production is partly affected. First answer within { $hours } hours.
severity-minimal-hint = Minimal: services still work, or it isn't production. First answer within { $hours } hours.
request-status-open = Open
request-status-attention-needed = Waiting for the customer
request-status-closed = Closed
customer-request-status-attention-needed = Waiting for you

## Activity
activity-support-profile-updated = Support profile updated
activity-service-request-opened = Service request opened
activity-service-request-note-added = Note added to a service request
activity-service-request-status-changed = Service request status changed
activity-service-request-assigned = Service request assigned
activity-service-request-escalated = Service request escalated

## The Support workspace
nav-support = Support
support-title = Support
support-intro = Service requests from your customers, and those escalated to you.
support-tab-queue = Requests
support-tab-profile = Support profile
support-filters = Filters
support-filter-status = Status
support-filter-severity = Severity
support-filter-assignee = Assigned to
support-filter-any = Any
support-assignee-me = Me
support-assignee-nobody = Nobody
support-filter-overdue = Overdue only
support-filter-apply = Show
support-col-number = Number
support-col-title = Title
support-col-customer = Customer
support-col-severity = Severity
support-col-status = Status
support-col-assignee = Assigned to
support-col-due = Due
support-col-updated = Updated
support-none = No service request matches.
support-overdue = Overdue
support-next-page = Next page
support-first-page = First page
support-request-title = Service request { $number }
support-back = Back to Support
support-opened-by = Opened by
support-opened = Opened
support-addressed-to = Addressed to
support-escalated-to = Escalated to
support-operator = the operator
support-note-by-operator = { $name } (operator)
support-topic = Topic
support-first-response-due = First answer due
support-first-response = First answer
support-resolution-due = Resolution due
support-description = Description
support-thread = Conversation
support-no-notes = No notes yet.
support-visibility-public = Visible to the customer
support-visibility-partners = Partners and the operator
support-visibility-internal = Your team only
support-note-label = Note
support-note-visibility = Who can read it
support-add-note = Add note
support-note-added = The note was added.
support-change-status = Change status
support-status-label = New status
support-status-changed = The status was changed.
support-assign = Assign
support-assignee-label = Agent
support-assigned = The assignment was saved.
support-escalate-title = Escalate to { $provider }
support-escalate-hint = Hand the request to the indirect provider you sell this customer through. The customer doesn't see the reason.
support-escalate-operator-title = Escalate to the operator
support-escalate-operator-hint = Hand the request to the operator of this Partnerdesk (your distributor or vendor) when you can't resolve it. The operator reads the thread except your internal notes; the customer doesn't see the reason.
support-escalate-reason = Reason
support-escalate = Escalate
support-escalated = The request was escalated.
support-new-title = Open a service request
support-new-for = On behalf of { $customer }
support-open = Open request
support-opened-notice = The service request was opened.
support-open-for-customer = Open a service request
support-customer-requests = Service requests
support-field-title = Title
support-field-description = Description
support-field-severity = Severity
support-field-topic = Topic
support-field-partner = Partner
support-field-partner-hint = The partner that sells you the subscription concerned.
support-choose = Choose…
support-profile-title = Support profile
support-profile-intro = How your customers reach your support. They see it in the customer portal.
support-profile-email = Support email
support-profile-telephone = Support telephone
support-profile-telephone-hint = In international form, such as +1 425 555 0100.
support-profile-website = Support website
support-profile-hours = Hours
support-profile-hours-hint = Such as Monday to Friday, 8:00–18:00 CET.
support-profile-pricing = What support costs
support-profile-save = Save profile
support-profile-saved = Your support profile was saved.

## The customer portal
customer-support-title = Support
customer-support-intro = Your partners support you. Open a request here and follow it until it is solved.
customer-support-contacts = How to reach support
customer-support-no-profile = This partner hasn't published its support contact yet: open a request here.
customer-support-requests = Your requests
customer-support-none = You haven't opened a request yet.
customer-support-open = Open a request
customer-support-close = Close request
customer-support-reopen = Reopen request
customer-support-closed-notice = The request was closed.
customer-support-reopened-notice = The request was reopened.
customer-support-waiting = Your partner is waiting for your answer.
customer-support-link = Support

## Mail
mail-service-request-opened-subject = [{ $number }] New { $severity } request from { $customer }: { $title }
mail-service-request-opened-body = { $customer } opened service request { $number }: “{ $title }”.
mail-service-request-answered-subject = [{ $number }] { $partner } answered: { $title }
mail-service-request-answered-body = { $partner } answered your service request { $number }, “{ $title }”:
mail-service-request-waiting-subject = [{ $number }] Waiting for your answer: { $title }
mail-service-request-waiting-body = { $partner } needs your answer to go on with your service request { $number }, “{ $title }”. Reply in the customer portal.
mail-service-request-closed-subject = [{ $number }] Closed: { $title }
mail-service-request-closed-body = { $partner } closed your service request { $number }, “{ $title }”. If the problem isn't solved, reopen it in the customer portal.
mail-service-request-escalated-subject = [{ $number }] Escalated by { $partner }: { $title }
mail-service-request-escalated-body = { $partner } escalated service request { $number } of { $customer }, “{ $title }”, to you:
mail-service-request-escalated-to-operator-subject = [{ $number }] Escalated to the operator by { $partner }: { $title }
mail-service-request-escalated-to-operator-body = { $partner } escalated service request { $number } of { $customer }, “{ $title }”, to the operator. Read it with “partnerdesk support show { $number }” and answer with “partnerdesk support note { $number } --text …”. The reason:
mail-service-request-customer-answered-subject = [{ $number }] { $customer } answered: { $title }
mail-service-request-customer-answered-body = { $customer } answered service request { $number }, “{ $title }”:
mail-service-request-reopened-subject = [{ $number }] Reopened by { $customer }: { $title }
mail-service-request-reopened-body = { $customer } reopened service request { $number }, “{ $title }”: the problem isn't solved.
mail-support-contact = { $partner } support: { $contact }
mail-open-link = Open the request
mail-footer = Sent by Partnerdesk. Replies to this address aren't read: answer in the portal.
support-mail-title = Mail
support-mail-intro = What your organization's changes sent: answers and requests to customers and to your support address. A message that couldn't be sent is tried again.
support-mail-no-smtp = No mail server is configured (smtp_url): messages wait here and are sent once one is.
support-mail-none = No mail yet.
support-mail-created = Written
support-mail-to = To
support-mail-subject = Subject
support-mail-sent = Sent { $at }
support-mail-failed = Not sent yet
support-mail-waiting = Waiting
mail-user-invitation-subject = { $partner } invited you to Partnerdesk
mail-user-invitation-body = { $partner } invited you ({ $email }) to its Partnerdesk. Set your password with the link below; it works once, until { $until }.
mail-set-password-link = Set your password
mail-relationship-request-subject = { $partner } asks to become your cloud reseller
mail-relationship-request-body = { $admin ->
        [yes] { $partner } asks to become a reseller for your organization, with delegated admin access to help manage it. To accept, open the link below and sign in with your organization's admin account. It works until { $until }.
       *[no] { $partner } asks to become a reseller for your organization. To accept, open the link below and sign in with your organization's admin account. It works until { $until }.
    }
mail-invitation-link = Review the request
mail-invoice-ready-subject = Your invoice { $number } from { $partner }
mail-invoice-ready-body = { $partner }'s invoice { $number } for { $start-date } – { $end-date } is ready. Total: { $amount }.
mail-invoice-link = See the invoice
support-field-attachments = Attachments
support-field-attachments-hint = Up to { $max } files of { $mb } MB each: { $types }.
support-attachments = Attachments
support-attachment-size = { $kb } KB
support-field-subscription = Subscription concerned
support-field-subscription-hint = The request goes to the partner that sells it.
support-subscription = Subscription
