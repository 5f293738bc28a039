# Partnerdesk — messages of the REST API and of every validation rule.
# The rule messages (error-*) also appear next to form fields in the portal, so they
# never name the field themselves.

## Validation rules

error-required = 此值為必填。
error-too-long = 最多可輸入 { $max } 個字元。
error-single-character = 公司名稱至少需要兩個字元。
error-no-letters-or-digits = 請使用字母或數字，不可只有標點符號或空格。
error-legal-form-only = 請輸入公司名稱，而非只輸入其法律形式（例如有限公司或股份有限公司）。
error-country-unknown = { $suggestion ->
    [none] 請使用兩個字母的 ISO 3166 國家/地區代碼，例如 US 或 FR。
   *[other] 此國家/地區請使用 ISO 3166 代碼 { $suggestion }。
}
error-state-unknown = 請選擇所選國家/地區的州或省。
error-postal-code-format = 此郵遞區號不符合所選國家/地區使用的格式，格式範例：{ $example }。
error-phone-invalid = 請輸入在所選國家/地區有效的電話號碼，或以 + 開頭的國際電話號碼。
error-phone-required-in-country = 所選國家/地區的公司必須提供電話號碼。
error-email-invalid = 請輸入電子郵件地址，例如 name@example.com。
error-email-at-partner-domain = 請使用客戶自己的電子郵件地址，而非您組織網域中的地址。
error-registration-number-required = 所選國家/地區的公司必須提供其組織註冊號碼。
error-registration-number-invalid = 組織註冊號碼不符合預期的格式，格式範例：{ $sample }。
error-registration-number-not-accepted = 請將組織註冊號碼留白：所選國家/地區不使用此號碼。
error-culture-unsupported = 請選擇所選國家/地區支援的其中一種文化特性。
error-language-unsupported = 請選擇所選國家/地區支援的其中一種語言。
error-domain-prefix-characters = 只能使用字母 a–z 和數字 0–9，不可包含空格、句點或連字號。
error-domain-suffix = 網域必須以 { $suffix } 結尾，或只提供前置詞。
error-domain-taken = 此網域已在使用中。請選擇其他前置詞。
error-agreement-not-accepted = 請確認客戶已接受客戶合約。
error-date-in-future = 合約日期不可晚於今天。
error-date-invalid = 請以 YYYY-MM-DD 格式輸入日期，且不可早於 2000 年。
error-agreement-template-unknown = 請使用目前版本合約的範本識別碼。
error-agreement-type-unknown = 請使用合約類型 MicrosoftCustomerAgreement 或 MicrosoftCloudAgreement。
error-agreement-already-confirmed = 此連絡人已為此客戶確認過合約。
error-agreement-required = 客戶必須先接受客戶合約，您才能下訂單。
error-agreement-not-offered = 此雲端不提供合約確認。
error-offer-unknown = 目錄中沒有此供應項目。
error-offer-not-in-country = 客戶所在的國家/地區不提供此供應項目。
error-offer-not-purchasable = 目前無法購買此供應項目。
error-quantity-out-of-range = 請輸入 { $min } 到 { $max } 之間的授權數量。
error-quantity-not-a-number = 請以整數輸入授權數量。
error-no-line-items = 請至少選擇一個供應項目。
error-too-many-line-items = 一筆訂單最多只能有 { $max } 個明細項目。
error-addon-needs-parent = 附加元件必須提供其所屬訂閱的識別碼。
error-addon-not-related = 無法為該供應項目的訂閱購買此附加元件。
error-parent-not-active = 此附加元件所屬的訂閱必須為使用中。
error-parent-not-found = 此客戶沒有此附加元件所屬的訂閱。
error-not-an-addon = 只有附加元件才能針對父訂閱購買。
error-subscription-quantity-out-of-range = 此訂閱的授權數量必須介於 { $min } 到 { $max } 之間。
error-quantity-while-suspending = 不能在暫停訂閱的同一個要求中變更授權數量。
error-subscription-suspended = 訂閱已暫停：請先重新啟用，再變更授權數量。
error-status-unsupported = 狀態只能是「active」、「suspended」或「deleted」（取消）。
error-subscription-deleted = 此訂閱已刪除，無法變更。
error-subscription-expired = 此訂閱的期限已結束且未續訂，因此已到期，無法變更。請重新訂購該產品以再次購買。
error-next-term-needs-auto-renew = 只能為會續訂的訂閱排定下一期限的變更：請先開啟自動續訂。
error-parent-not-in-order = 此附加元件所屬的訂閱屬於另一筆訂單。
error-only-add-ons = 現有訂單只能加入附加元件；請為此供應項目下新訂單。
error-last-admin = 貴組織至少需要一位使用中的管理員代理人：請先將其他使用者設為管理員代理人。
error-role-unknown = 請選擇一個角色。
error-password-too-short = 請至少使用 { $min } 個字元。
error-password-mismatch = 兩次輸入的密碼不同：請輸入相同的密碼兩次。
error-password-wrong = 目前的密碼不正確。
error-password-same = 請選擇與目前密碼不同的密碼。
error-email-taken = 已有使用此電子郵件的使用者。
error-reseller-unknown = 請選擇您其中一個使用中的間接轉銷商。
error-indirect-model-unavailable = 此雲端不提供間接轉銷商。
error-partner-on-record-is-provider = 請使用間接轉銷商的合作夥伴識別碼，而非您自己的識別碼。
error-invalid-id = 這不是有效的識別碼。
error-country-cannot-change = 無法變更客戶的國家/地區。
error-term-unknown = 請選擇期限 P1M（一個月）、P1Y（一年）或 P3Y（三年）。
error-billing-plan-unknown = 請選擇計費方式 monthly（每月）、annual（每年）或 triennial（三年一次）。
error-billing-plan-not-for-term = { $term } 期限不提供 { $plan } 計費方式。
error-no-price-in-effect = 此供應項目在客戶的市場和貨幣中沒有此期限和計費方式的價格。
error-seat-reduction-window-passed = 已超過 { $hours } 小時的減少授權期限：{ $refundable ->
    [0] 現在無法再移除任何授權。
   *[other] 只能再移除 { $refundable } 個授權。
}
error-cancellation-window-passed = 已超過 { $hours } 小時的取消期限：訂閱將依整個期限計費。
error-quantity-while-cancelling = 不能在取消訂閱的同一個要求中變更授權數量。
error-auto-renew-not-offered = 此供應項目不會自動續約。
error-quantity-change-invalid = 請移除少於訂閱現有數量的授權；若要全部移除，請取消訂閱。
error-date-outside-cycle = 此訂閱的期限已結束：續約後才能再次變更。
error-amount-overflow = 此金額過大。
error-amount-invalid = 請輸入數字，例如 15 或 12.5。
error-markup-out-of-range = 加價比例須介於 0 到 { $max }% 之間。
error-erp-missing = 此產品沒有建議零售價：請改為設定成本加價百分比。

## API errors

api-fields-invalid = 有 { $count } 個值無效：
api-unauthorized = 請在 Authorization 標頭中傳送 API 權杖：「Authorization: Bearer <token>」。
api-token-invalid = 無法辨識此 API 權杖，或該權杖已被撤銷。
api-forbidden = 您的角色（{ $role }）不允許執行此動作。
api-reseller-forbidden = 間接轉銷商無法執行此動作：由其間接提供者為其新增客戶、確認合約及下訂單。
api-not-found = 要求的資源不存在。
api-customer-not-found = 您的組織中沒有此識別碼的客戶。
api-invitation-not-found = 此邀請不存在或已回覆。
api-user-not-found = 您的組織中沒有此識別碼的使用者。
api-link-not-found = 此連結不存在、已被使用或已過期。
api-token-not-found = 您沒有此識別碼的 API 權杖。
api-order-not-found = 此客戶沒有您可檢視的此識別碼訂單。
api-subscription-not-found = 此客戶沒有您可檢視的此識別碼訂閱。
api-invoice-not-found = 您沒有此編號的發票。
api-offer-not-found = 在此國家/地區，目錄中沒有此識別碼的供應項目。
api-country-rules-not-found = 找不到 { $country } 的驗證規則：請使用 ISO 3166 alpha-2 代碼，例如英國為 GB。
api-bad-request = 要求無效：請依照 /docs 中的 API 參考檢查其參數與本文。
api-route-not-found = 沒有這個 API 端點。如需 API 參考，請參閱 /docs。
api-method-not-allowed = 此資源不允許使用此 HTTP 方法。
api-malformed-json = 要求本文不是有效的 JSON：{ $detail }
api-invalid-value = 某個值的類型錯誤：{ $detail }
api-unsupported-media-type = 請以 JSON 格式傳送要求本文，並加上標頭「Content-Type: application/json」。
api-payload-too-large = 要求本文超過 { $max } 個位元組。
api-domain-taken = 網域 { $domain } 已在使用中。請選擇其他網域前置詞。
api-request-id-reused = 此 MS-RequestId 已用於其他要求。新的要求請使用新的識別碼。
api-precondition-failed = 資源在您讀取後已變更：請重新讀取，然後再次套用您的變更。
api-precondition-required = 若要變更資源，請在 If-Match 標頭（或 attributes.etag）中傳送資源的 etag。
api-too-many-requests = 已超過速率限制。請在 { $seconds } 秒後重試。
api-internal = 我們這端發生錯誤。回報此問題時，請提供相互關聯識別碼 { $correlation }。
api-unavailable = 服務暫時無法使用。請稍後再試。
api-relationship-requests-unavailable = 此雲端不提供轉銷商關聯性要求。

## Query parameters

query-size = 請使用 1 到 1000 之間的頁面大小。
query-provider = 請使用 provider=onetime：Partnerdesk 僅對 new commerce 授權計費。
query-invoice-line-item-type = 請使用 invoicelineitemtype=billinglineitems。
query-currency-code = 請使用 ISO 4217 貨幣代碼，例如 EUR 或 USD。
query-period = 請使用 period=current 或 period=previous。
query-line-size = 頁面大小請使用 1 到 2000。
query-offset = 請使用大於或等於 0 的位移。
query-filter = 請使用篩選條件，例如 {"{"}"Field":"CompanyName","Value":"Con","Operator":"starts_with"{"}"}。欄位：CompanyName、Domain、IndirectReseller；唯一的運算子為 starts_with。
query-continuation = 接續權杖對此清單無效：請從第一頁重新開始。
query-seek-operation = 請使用 seekOperation=Next，並搭配上一頁的 MS-ContinuationToken 標頭。
query-relationship-type = 請使用 relationship_type=IsIndirectCloudSolutionProviderOf；若為轉銷商，請使用 IsIndirectResellerOf。
query-agreement-type = 請使用 agreementType=MicrosoftCustomerAgreement、MicrosoftCloudAgreement 或 *。
query-order-id = 訂單識別碼無效。
query-reseller-not-provider = 只有間接提供者才能指定間接經銷商。
query-reseller-unknown = 這不是您的使用中間接經銷商之一。
query-date = 請以 RFC 3339 格式（2026-11-22T10:00:00Z）輸入時間，或輸入日期（2026-11-22）。
query-customer-id = 客戶識別碼無效。
query-operation-type = 未知的作業類型：請使用 customer-created、billing-profile-updated、agreement-attested、order-placed、subscription-quantity-changed、subscription-suspended、subscription-reactivated、signed-in、user-created、password-set 或 token-created。
error-self-deactivation = 您無法停用自己：請聯絡另一位系統管理員代理。
error-attachment-too-large = 每個附加檔案不得超過 { $max } MB。
error-attachment-type-refused = 只能附加下列類型且內容與檔名相符的檔案：{ $types }。
error-attachment-empty = 此檔案是空的：請附加有內容的檔案。
error-too-many-attachments = 最多只能附加 { $max } 個檔案。
error-subscription-unknown = 請選擇客戶的訂用帳戶之一，且須由接收此要求的合作夥伴銷售。
error-subscription-of-other-partner = 此訂用帳戶由另一個合作夥伴銷售：請選擇該合作夥伴，或將合作夥伴留白。
