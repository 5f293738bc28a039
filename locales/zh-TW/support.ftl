# Partnerdesk — 支援：支援設定檔、服務要求及其 API 訊息。

## Rules
error-severity-unknown = 請選擇嚴重性：重大、中等或輕微。
error-support-topic-unknown = 請選擇其中一個支援主題。
error-request-status-unknown = 請使用 open、attention_needed 或 closed 狀態。
error-request-status-same = 此要求已是這個狀態。
error-request-status-unsupported = 您可以關閉要求或重新開啟。
error-phone-not-international = 請以國際格式輸入號碼：+ 加上國碼，例如 +886 2 2345 6789。
error-website-invalid = 請輸入以 https:// 或 http:// 開頭的網址，例如 https://example.com/support。
error-support-contact-required = 請提供電子郵件地址或電話號碼，讓客戶能聯絡您的支援。
error-assignee-unknown = 請選擇您其中一位有效的系統管理員或技術支援專員。
error-partner-unknown = 請選擇您其中一個合作夥伴。
error-escalation-unavailable = 此要求無法呈報：已經呈報過，或沒有可向上呈報的對象。

## API
api-service-request-not-found = 您沒有此編號的服務要求。
api-service-request-file-not-found = 此服務要求沒有此編號的檔案。
api-support-profile-not-found = 您尚未發布支援設定檔：使用 PUT /v1/profiles/support 發布。
api-locale-not-found = 請使用 en-US、zh-TW、zh-CN、fr-FR 或 ru-RU 其中一種語言。
api-service-request-no-change = 請傳送一項變更：newNote、status、assignee，或 escalate 搭配 newNote。
api-service-request-one-change = 每個請求只傳送一項變更：newNote、status、assignee，或 escalate 搭配 newNote。
api-note-visibility = 備註的可見性請使用 public、partners 或 internal。
query-request-status = 請使用 status=open、status=attention_needed 或 status=closed。
query-severity = 請使用 severity=critical、severity=moderate 或 severity=minimal。
query-assignee = 請使用 assignee=me、assignee=none 或您其中一位專員的識別碼。
query-overdue = 請使用 overdue=true 或 overdue=false。
query-request-size = 請使用 1 到 200 的頁面大小。

## Topics
support-topic-sign-in = 登入
support-topic-sign-in-description = 使用者無法登入、密碼、多重要素驗證。
support-topic-licenses = 授權與訂用帳戶
support-topic-licenses-description = 指派授權、授權數量、續訂。
support-topic-billing = 帳務與發票
support-topic-billing-description = 關於發票、費用或價格的問題。
support-topic-service-outage = 服務中斷
support-topic-service-outage-description = 服務對多位使用者無法使用或速度緩慢。
support-topic-configuration = 安裝與設定
support-topic-configuration-description = 設定網域、郵件、裝置或安全性設定。
support-topic-other = 其他
support-topic-other-description = 其他任何問題。

## Severities and statuses
severity-critical = 重大
severity-moderate = 中等
severity-minimal = 輕微
severity-critical-hint = 重大：生產環境停擺。{ $hours } 小時內首次回應。
severity-moderate-hint = 中等：生產環境部分受影響。{ $hours } 小時內首次回應。
severity-minimal-hint = 輕微：服務仍可使用，或非生產環境。{ $hours } 小時內首次回應。
request-status-open = 開啟
request-status-attention-needed = 等待客戶回覆
request-status-closed = 已關閉
customer-request-status-attention-needed = 等待您的回覆

## Activity
activity-support-profile-updated = 支援設定檔已更新
activity-service-request-opened = 已開啟服務要求
activity-service-request-note-added = 已在服務要求中新增備註
activity-service-request-status-changed = 服務要求狀態已變更
activity-service-request-assigned = 已指派服務要求
activity-service-request-escalated = 已呈報服務要求

## The Support workspace
nav-support = 支援
support-title = 支援
support-intro = 來自您客戶的服務要求，以及呈報給您的要求。
support-tab-queue = 要求
support-tab-profile = 支援設定檔
support-filters = 篩選條件
support-filter-status = 狀態
support-filter-severity = 嚴重性
support-filter-assignee = 指派對象
support-filter-any = 全部
support-assignee-me = 我
support-assignee-nobody = 無人
support-filter-overdue = 僅顯示逾期
support-filter-apply = 顯示
support-col-number = 編號
support-col-title = 標題
support-col-customer = 客戶
support-col-severity = 嚴重性
support-col-status = 狀態
support-col-assignee = 指派對象
support-col-due = 期限
support-col-updated = 更新時間
support-none = 沒有符合的服務要求。
support-overdue = 已逾期
support-next-page = 下一頁
support-first-page = 第一頁
support-request-title = 服務要求 { $number }
support-back = 返回支援
support-opened-by = 開啟者
support-opened = 開啟時間
support-addressed-to = 提交給
support-escalated-to = 呈報給
support-operator = 營運者
support-note-by-operator = { $name }（營運者）
support-topic = 主題
support-first-response-due = 首次回應期限
support-first-response = 首次回應
support-resolution-due = 解決期限
support-description = 描述
support-thread = 對話
support-no-notes = 尚無備註。
support-visibility-public = 客戶可見
support-visibility-partners = 合作夥伴與營運者
support-visibility-internal = 僅您的團隊
support-note-label = 備註
support-note-visibility = 誰可以閱讀
support-add-note = 新增備註
support-note-added = 已新增備註。
support-change-status = 變更狀態
support-status-label = 新狀態
support-status-changed = 狀態已變更。
support-assign = 指派
support-assignee-label = 專員
support-assigned = 已儲存指派。
support-escalate-title = 呈報給 { $provider }
support-escalate-hint = 將要求交給您銷售此客戶所透過的間接提供者。客戶看不到原因。
support-escalate-operator-title = 呈報給營運者
support-escalate-operator-hint = 當您無法解決時，將要求交給此 Partnerdesk 的營運者（您的經銷商或廠商）。營運者可閱讀對話，但看不到您的內部備註；客戶看不到原因。
support-escalate-reason = 原因
support-escalate = 呈報
support-escalated = 已呈報此要求。
support-new-title = 開啟服務要求
support-new-for = 代表 { $customer }
support-open = 開啟要求
support-opened-notice = 已開啟服務要求。
support-open-for-customer = 開啟服務要求
support-customer-requests = 服務要求
support-field-title = 標題
support-field-description = 描述
support-field-severity = 嚴重性
support-field-topic = 主題
support-field-partner = 合作夥伴
support-field-partner-hint = 銷售相關訂用帳戶給您的合作夥伴。
support-choose = 請選擇…
support-profile-title = 支援設定檔
support-profile-intro = 您的客戶如何聯絡您的支援。客戶會在客戶入口網站中看到。
support-profile-email = 支援電子郵件
support-profile-telephone = 支援電話
support-profile-telephone-hint = 國際格式，例如 +886 2 2345 6789。
support-profile-website = 支援網站
support-profile-hours = 服務時間
support-profile-hours-hint = 例如週一至週五 9:00–18:00（台北時間）。
support-profile-pricing = 支援費用
support-profile-save = 儲存設定檔
support-profile-saved = 已儲存您的支援設定檔。

## The customer portal
customer-support-title = 支援
customer-support-intro = 您的合作夥伴為您提供支援。請在此開啟要求並追蹤直到解決。
customer-support-contacts = 如何聯絡支援
customer-support-no-profile = 此合作夥伴尚未發布支援聯絡方式：請在此開啟要求。
customer-support-requests = 您的要求
customer-support-none = 您尚未開啟任何要求。
customer-support-open = 開啟要求
customer-support-close = 關閉要求
customer-support-reopen = 重新開啟要求
customer-support-closed-notice = 已關閉要求。
customer-support-reopened-notice = 已重新開啟要求。
customer-support-waiting = 您的合作夥伴正在等待您的回覆。
customer-support-link = 支援

## Mail
mail-service-request-opened-subject = [{ $number }] { $customer } 的新要求（{ $severity }）：{ $title }
mail-service-request-opened-body = { $customer } 開啟了服務要求 { $number }：「{ $title }」。
mail-service-request-answered-subject = [{ $number }] { $partner } 已回覆：{ $title }
mail-service-request-answered-body = { $partner } 已回覆您的服務要求 { $number }「{ $title }」：
mail-service-request-waiting-subject = [{ $number }] 等待您的回覆：{ $title }
mail-service-request-waiting-body = { $partner } 需要您的回覆，才能繼續處理您的服務要求 { $number }「{ $title }」。請在客戶入口網站中回覆。
mail-service-request-closed-subject = [{ $number }] 已關閉：{ $title }
mail-service-request-closed-body = { $partner } 已關閉您的服務要求 { $number }「{ $title }」。如果問題尚未解決，請在客戶入口網站中重新開啟。
mail-service-request-escalated-subject = [{ $number }] { $partner } 呈報：{ $title }
mail-service-request-escalated-body = { $partner } 將 { $customer } 的服務要求 { $number }「{ $title }」呈報給您：
mail-service-request-escalated-to-operator-subject = [{ $number }] { $partner } 呈報給營運者：{ $title }
mail-service-request-escalated-to-operator-body = { $partner } 將 { $customer } 的服務要求 { $number }「{ $title }」呈報給營運者。請以「partnerdesk support show { $number }」閱讀，並以「partnerdesk support note { $number } --text …」回覆。原因：
mail-service-request-customer-answered-subject = [{ $number }] { $customer } 已回覆：{ $title }
mail-service-request-customer-answered-body = { $customer } 回覆了服務要求 { $number }「{ $title }」：
mail-service-request-reopened-subject = [{ $number }] { $customer } 已重新開啟：{ $title }
mail-service-request-reopened-body = { $customer } 重新開啟了服務要求 { $number }「{ $title }」：問題尚未解決。
mail-support-contact = { $partner } 支援：{ $contact }
mail-open-link = 開啟要求
mail-footer = 由 Partnerdesk 傳送。回覆此地址的郵件不會被閱讀：請在入口網站中回覆。
support-mail-title = 郵件
support-mail-intro = 您的組織的變更所傳送的郵件：給客戶和您的支援地址的回覆與要求。無法傳送的郵件會再次嘗試。
support-mail-no-smtp = 尚未設定郵件伺服器（smtp_url）：郵件會在此等待，設定後即會傳送。
support-mail-none = 尚無郵件。
support-mail-created = 建立時間
support-mail-to = 收件者
support-mail-subject = 主旨
support-mail-sent = 已於 { $at } 傳送
support-mail-failed = 尚未傳送
support-mail-waiting = 等待中
mail-user-invitation-subject = { $partner } 邀請您加入 Partnerdesk
mail-user-invitation-body = { $partner } 已邀請您（{ $email }）加入其 Partnerdesk。請使用下方連結設定密碼；此連結只能使用一次，有效期限至 { $until }。
mail-set-password-link = 設定密碼
mail-relationship-request-subject = { $partner } 希望成為您的雲端經銷商
mail-relationship-request-body = { $admin ->
        [yes] { $partner } 希望成為貴組織的經銷商，並要求委派系統管理員存取權以協助管理。若要接受，請開啟下方連結並使用貴組織的系統管理員帳戶登入。此連結有效期限至 { $until }。
       *[no] { $partner } 希望成為貴組織的經銷商。若要接受，請開啟下方連結並使用貴組織的系統管理員帳戶登入。此連結有效期限至 { $until }。
    }
mail-invitation-link = 檢閱要求
mail-invoice-ready-subject = 來自 { $partner } 的發票 { $number }
mail-invoice-ready-body = { $partner } 開立的發票 { $number }（{ $start-date } – { $end-date }）已可檢視。總計：{ $amount }。
mail-invoice-link = 檢視發票
support-field-attachments = 附件
support-field-attachments-hint = 最多 { $max } 個檔案，每個 { $mb } MB 以內：{ $types }。
support-attachments = 附件
support-attachment-size = { $kb } KB
support-field-subscription = 相關的訂用帳戶
support-field-subscription-hint = 要求會送交銷售該訂用帳戶的合作夥伴。
support-subscription = 訂用帳戶
