# Partnerdesk — the portal's pages. Buttons, menu items and step names follow the interface
# glossary (GLOSSARY.md). Messages explaining refused values are in api.ftl (error-*).

## Shell

app-name = Partnerdesk
skip-to-content = 跳至主要內容
nav-label = 主功能表
nav-customers = 客戶
header-signed-in-as = 登入身分：{ $email }
header-sign-out = 登出
header-language = 語言
header-change-language = 變更語言
optional = （選填）
choose = 請選擇…
none-value = —
page-title = { $page } – Partnerdesk

## Sign-in

sign-in-title = 登入
sign-in-intro = 請使用您的公司電子郵件地址和密碼登入 Partnerdesk。
sign-in-email = 電子郵件
sign-in-password = 密碼
sign-in-button = 登入
sign-in-failed = 電子郵件地址或密碼不正確。
sign-in-locked = 登入失敗次數過多。請在 { $minutes } 分鐘後再試一次。
sign-in-signed-out = 您已登出。
sign-in-session-ended = 您的工作階段已結束。請重新登入以繼續。
form-expired = 此表單已過期。請檢查輸入的值，然後重新提交。

## Customers

customers-title = 客戶
customers-add = 新增客戶
customers-search = 搜尋
customers-search-by = 搜尋依據
customers-search-by-name = 公司名稱
customers-search-by-domain = 網域
customers-search-text = 開頭為
customers-search-button = 搜尋
customers-search-clear = 顯示所有客戶
customers-column-company = 公司名稱
customers-column-domain = 網域
customers-column-country = 國家/地區
customers-column-reseller = 間接轉銷商
customers-column-created = 建立日期
customers-direct = 直接銷售
customers-empty-title = 尚無客戶
customers-empty-text = 只要三個步驟即可新增您的第一個客戶：帳戶資訊、訂閱和檢閱。
customers-no-match = 沒有任何客戶的{ $by ->
    [domain] 網域
   *[name] 公司名稱
}開頭為「{ $text }」。
customers-next-page = 下一頁
customers-first-page = 第一頁
customers-shown = 顯示 { $count } 個客戶

## A customer

customer-back = 返回客戶清單
customer-profile = 設定檔
customer-id = 客戶識別碼
customer-domain = 網域
customer-created = 建立日期
customer-address = 地址
customer-contact = 主要連絡人
customer-email = 電子郵件
customer-phone = 電話號碼
customer-culture = 文化特性和語言
customer-registration = 組織註冊號碼
customer-reseller = 間接轉銷商
customer-admin = 系統管理員使用者名稱
customer-agreement = 客戶合約
customer-agreement-none = 尚未記錄客戶接受客戶合約。
customer-agreement-signer = 接受者
customer-agreement-date = 簽署日期
customer-agreement-type = 合約
customer-agreement-recorded = 記錄日期
customer-subscriptions = 訂閱
customer-subscriptions-none = 此客戶尚無任何訂閱。
customer-add-subscriptions = 新增訂閱
customer-ordered = 訂單已下達。其訂閱列於下方。
order-title = 新增訂閱
order-heading = 為 { $company } 新增訂閱
subscription-offer = 供應項目
subscription-licenses = 授權
subscription-status = 狀態
subscription-created = 建立日期
subscription-commitment-end = 承諾結束日期
status-active = 使用中
status-suspended = 已暫停
status-deleted = 已刪除
subscription-title = 訂閱
subscription-back = 返回 { $company }
subscription-details = 詳細資料
subscription-friendly-name = 名稱
subscription-parent = 所屬訂閱
subscription-parent-link = 父訂閱
subscription-manage = 授權與狀態
subscription-new-quantity = 授權數量
subscription-range = { $min } 到 { $max } 個授權
subscription-change-quantity = 變更授權數量
subscription-suspend = 暫停
subscription-reactivate = 重新啟用
subscription-suspend-hint = 暫停此訂閱也會暫停其附加元件。
subscription-suspended-hint = 訂閱已暫停：重新啟用後才能變更授權數量或購買附加元件。
subscription-add-ons = 附加元件
subscription-add-ons-none = 尚未為此訂閱購買附加元件。
subscription-buy-add-on = 購買附加元件
subscription-add-on = 附加元件
subscription-buy = 購買附加元件
subscription-done-quantity = 已變更授權數量。
subscription-done-suspend = 已暫停訂閱。
subscription-done-reactivate = 已重新啟用訂閱。
subscription-done-add-on = 已購買附加元件。
subscription-plan-label = 期限與計費
plan-p1m-monthly = 一個月，每月計費
plan-p1y-monthly = 一年，每月計費
plan-p1y-annual = 一年，每年計費
plan-p3y-monthly = 三年，每月計費
plan-p3y-annual = 三年，每年計費
plan-p3y-triennial = 三年，預先付清
subscription-refundable-label = 可移除的授權
subscription-refundable = { $count } 個，截至 { $date }
subscription-refundable-none = 無：授權只能在新增後 7 天內移除
subscription-cancel-until-label = 可取消截止日期
subscription-cancel-closed = 已無法取消：訂閱只能在購買或續約後 7 天內取消
subscription-cancel = 取消訂閱
subscription-done-cancel = 訂閱已取消。
subscription-auto-renew-label = 期限結束時續約
subscription-auto-renew-on = 是
subscription-auto-renew-off = 否：隨期限結束
subscription-turn-off-auto-renew = 關閉自動續約
subscription-turn-on-auto-renew = 開啟自動續約
subscription-done-auto-renew-off = 已關閉自動續約：訂閱將隨期限結束。
subscription-done-auto-renew-on = 已開啟自動續約。
subscription-changed-meanwhile = 在您開啟此訂閱期間，有人變更了它。請檢查其授權數量與狀態，然後再試一次。

## The "Add customer" wizard

wizard-title = 新增客戶
wizard-steps = 進度
wizard-step-current = 目前步驟
step-account = 帳戶資訊
step-subscriptions = 訂閱
step-review = 檢閱
fieldset-company = 公司詳細資料
fieldset-contact = 主要連絡人
fieldset-domain = 網域
fieldset-agreement = 客戶合約
fieldset-reseller = 間接轉銷商
label-company-name = 公司名稱
label-country = 國家/地區
label-address-line1 = 地址第 1 行
label-address-line2 = 地址第 2 行
label-city = 城市
label-state = 州或省
label-postal-code = 郵遞區號
label-phone = 電話號碼
label-registration = 組織註冊號碼
label-culture = 文化特性
label-language = 語言
label-first-name = 名字
label-last-name = 姓氏
label-email = 電子郵件
label-domain-prefix = 網域前置詞
label-agreement-accepted = 客戶已接受客戶合約
label-signer-first-name = 簽署人的名字
label-signer-last-name = 簽署人的姓氏
label-signer-email = 簽署人的電子郵件
label-signer-phone = 簽署人的電話號碼
label-date-agreed = 簽署日期
label-reseller = 銷售管道
option-no-reseller = 無間接轉銷商（直接銷售）
hint-country = 請先選擇國家/地區：必填的詳細資料取決於所選的國家/地區。
hint-postal-required = 在此國家/地區為必填。
hint-postal-optional = 在此國家/地區為選填。
hint-registration = 此國家/地區的公司必須填寫。範例：{ $sample }
hint-registration-none = 此國家/地區不使用此欄位：請留白。
hint-phone-required = 此國家/地區的公司必須填寫。
hint-culture = 客戶使用的日期和數字格式；預設為該國家/地區的格式。
hint-language = 客戶的語言；預設為該國家/地區的語言。
hint-domain = 只能使用字母 a–z 和數字 0–9，最多 27 個字元。網域之後無法變更。
hint-date = 客戶接受合約的日期，不可晚於今天。
hint-reseller = 客戶將與此轉銷商建立關聯。
agreement-read = 閱讀客戶合約
apply-country = 套用國家/地區規則
domain-check = 檢查可用性
domain-available = { $domain } 可以使用。
domain-taken = { $domain } 已在使用中。請選擇其他前置詞。
domain-invalid = 請輸入有效的前置詞以進行檢查。
subscriptions-intro = 請為 { $company } 選擇供應項目，並輸入每個供應項目的授權數量。
subscriptions-country = { $country } 提供的供應項目
subscriptions-range = 介於 { $min } 到 { $max } 之間
subscriptions-licenses = 授權數量
subscriptions-add-ons = 客戶擁有訂閱後，即可從客戶頁面購買附加元件。
subscriptions-none = 此國家/地區沒有可用的供應項目。
review-intro = 請檢查詳細資料，然後提交。若要變更某個區段，請選取「更新」。
review-account = 帳戶資訊
review-subscriptions = 訂閱
review-agreement-accepted = 由 { $name } 於 { $date } 接受
review-licenses = { $count } 個授權
review-domain = { $domain }
review-submit-note = 提交後，將建立客戶的租用戶、其系統管理員使用者、合約記錄和訂閱。
button-next-subscriptions = 下一步：訂閱
button-back = 上一步
button-next-review = 下一步：檢閱
button-update = 更新
button-submit = 提交
button-done = 完成
button-copy = 複製
button-copied = 已複製
error-summary-title = 此頁面有 { $count } 個問題
error-summary-item = { $field }：{ $message }
confirmation-title = 已建立客戶
confirmation-intro = { $company } 現在已擁有租用戶 { $domain }、其訂閱和一個系統管理員帳戶。
confirmation-username = 系統管理員使用者名稱
confirmation-password = 暫時密碼
confirmation-warning = 請立即複製密碼：密碼不會再次顯示。客戶的系統管理員首次登入時必須變更密碼。
confirmation-password-gone = 密碼只會在建立客戶的工作階段中顯示一次。請要求系統管理員代理人為客戶的系統管理員設定新密碼。

## Error pages

page-not-found-title = 找不到頁面
page-not-found-text = 此頁面不存在，或您沒有存取權。
page-forbidden-title = 您無法執行此動作
page-forbidden-text = 您的角色不允許執行此動作。請洽詢您組織的系統管理員代理人。
page-error-title = 發生錯誤
page-error-text = 無法顯示此頁面。請再試一次；如果問題再次發生，請提供相互關聯識別碼 { $correlation }。
page-unavailable-text = 服務暫時無法使用。請稍後再試。
page-go-customers = 前往客戶頁面

## Dates

month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
date-format = { $year }年{ $month }{ $day }日

nav-activity = 活動
activity-title = 活動
activity-export = 匯出 CSV
activity-action = 動作
activity-all-actions = 所有動作
activity-actor = 人員
activity-from = 開始日期
activity-to = 結束日期
activity-filter = 篩選
activity-date-invalid = 請以 YYYY-MM-DD 格式輸入日期。
activity-customer-back = 返回客戶
activity-all-customers = 所有活動
activity-none = 沒有符合這些篩選條件的活動。
activity-when = 時間
activity-details = 詳細資料
activity-customer = 客戶
activity-older = 較早的記錄
activity-channel-api = API
activity-channel-portal = 入口網站
activity-channel-customer-portal = 客戶入口網站
activity-channel-cli = 伺服器命令
activity-customer-created = 已新增客戶
activity-billing-profile-updated = 已變更帳單設定檔
activity-agreement-attested = 已記錄客戶合約接受情況
activity-order-placed = 已下訂單
activity-subscription-quantity-changed = 已變更授權數量
activity-subscription-suspended = 已暫停訂閱
activity-subscription-reactivated = 已重新啟用訂閱
activity-subscription-cancelled = 已取消訂閱
activity-subscription-renewed = 已續訂訂閱
activity-subscription-auto-renew-changed = 自動續約已變更
activity-signed-in = 已登入
activity-user-created = 已新增使用者
activity-password-set = 已設定密碼
activity-token-created = 已建立 API 權杖

nav-users = 使用者
nav-tokens = API 權杖
users-title = 使用者
users-invited = 已邀請該使用者。請將此連結傳送給對方以設定密碼；此連結只能使用一次，7 天內有效：
users-link-once = 此連結只會在此時顯示。
users-email = 電子郵件
users-role = 角色
users-status = 狀態
users-you = 您
users-role-of = { $email } 的角色
users-save = 儲存角色
users-active = 使用中
users-inactive = 已停用
users-deactivate = 停用
users-reactivate = 重新啟用
users-invite = 邀請使用者
users-invite-button = 邀請
role-admin-agent = 管理員代理人
role-sales-agent = 銷售代理人
role-helpdesk-agent = 技術支援代理人
role-billing-admin = 帳務管理員
set-password-title = 設定密碼
set-password-intro = 為 { $email } 選擇密碼。
set-password-new = 新密碼
set-password-hint = 至少 12 個字元。
set-password-confirm = 再次輸入新密碼
set-password-button = 設定密碼
set-password-invalid = 此連結已使用或已過期。請向貴組織的管理員代理人索取新的邀請。
sign-in-password-set = 密碼已設定。請使用此密碼登入。
tokens-title = API 權杖
tokens-intro = API 權杖可讓程式以您的身分呼叫 Partnerdesk API：請以「Authorization: Bearer <權杖>」的形式傳送。
tokens-created = 您的新 API 權杖：
tokens-once = 請立即複製：它只會顯示這一次。
tokens-none = 目前還沒有 API 權杖。
tokens-name = 名稱
tokens-user = 使用者
tokens-created-on = 建立日期
tokens-revoked-on = 已於 { $date } 撤銷
tokens-revoke = 撤銷
tokens-revoke-named = 撤銷 { $name }
tokens-new = 建立 API 權杖
tokens-name-hint = 權杖的用途，例如使用它的程式名稱。
tokens-create = 建立權杖
activity-token-revoked = 已撤銷 API 權杖
activity-user-invited = 已邀請使用者
activity-user-role-changed = 已變更角色
activity-user-deactivated = 已停用使用者
activity-user-reactivated = 已重新啟用使用者

customer-sign-in-title = 客戶登入
customer-sign-in-intro = 請使用貴組織的系統管理員帳戶登入：即合作夥伴提供給您的使用者名稱和密碼。
customer-sign-in-user-name = 使用者名稱
customer-password-title = 變更密碼
customer-password-forced = 繼續之前，請將暫時密碼換成您自己的密碼。
customer-password-current = 目前的密碼
customer-password-button = 變更密碼
customer-home-title = 您的組織
customer-invitation-accepted = 您已接受邀請：該合作夥伴現在是您的合作夥伴之一。
customer-invitation-declined = 您已拒絕邀請。
customer-invitation-title = 合作夥伴的邀請
customer-invitation-from = { $partner } 要求成為貴組織的經銷商。
customer-invitation-through = 您將透過其間接經銷商 { $reseller } 購買。
customer-invitation-dap = 它也要求貴組織的委派系統管理員存取權。
customer-invitation-expires = 此邀請將於 { $date } 到期。
customer-invitation-accept = 接受
customer-invitation-decline = 拒絕
customer-invitation-invalid = 此邀請不存在、已到期或已回覆。
customer-invitations = 邀請
customer-partners = 您的合作夥伴
customer-partner = 合作夥伴
customer-partner-since = 起始日期
relationship-title = 要求經銷商關係
relationship-intro = 傳送連結給現有客戶，其系統管理員可透過此連結接受您成為經銷商。接受後，該客戶會出現在您的客戶清單中。
relationship-link = 請將此連結傳送給客戶的系統管理員；連結 30 天內有效：
relationship-email-label = 要傳送的電子郵件
relationship-new = 新要求
relationship-dap = 同時要求委派系統管理員存取權
relationship-create = 建立連結
activity-relationship-requested = 已要求經銷商關係
activity-relationship-accepted = 已接受經銷商關係
activity-relationship-declined = 已拒絕經銷商關係
relationship-email =
    您好：

    { $partner } 希望成為貴組織的經銷商。

    若要接受，請開啟此連結並使用貴組織的系統管理員帳戶登入：
    { $link }

    此連結 30 天內有效。

    敬上
    { $partner }
nav-resellers = 經銷商
resellers-title = 您的間接經銷商
resellers-invited = 已新增經銷商。請將此連結傳送給其管理員代理人以設定密碼；此連結只能使用一次，7 天內有效：
resellers-none = 您還沒有間接經銷商。
resellers-name = 經銷商
resellers-mpn = 合作夥伴識別碼
resellers-invite = 邀請經銷商
resellers-admin-email = 其管理員代理人的電子郵件
activity-reseller-invited = 已邀請經銷商

## Flash messages and confirmations
tokens-revoked-notice = 權杖已撤銷：使用它的程式再也無法呼叫 API。
users-role-saved = 角色已儲存。
users-deactivated-notice = 該使用者已停用：無法再登入或使用其 API 權杖。
users-reactivated-notice = 該使用者已重新啟用。
customer-password-changed = 您的密碼已變更。
wizard-cancelled = 已捨棄新客戶。
wizard-cancel = 取消
confirm-title = 請確認
confirm-cancel = 取消
confirm-suspend = 要為 { $company } 暫停 { $offer } 嗎？其使用者將失去存取權，其作用中的附加元件也會一併暫停。暫停期間仍持續計費。
confirm-suspend-button = 暫停
confirm-cancel-subscription = 要為 { $company } 取消 { $offer } 嗎？未使用的天數將退款，其附加元件也會一併取消，且無法重新啟用。
confirm-cancel-subscription-button = 取消訂閱
confirm-lower = 要將 { $company } 的 { $offer } 從 { $from } 個授權減少到 { $to } 個嗎？超出新數量的使用者將失去授權。
confirm-lower-button = 減少授權
confirm-revoke = 要撤銷 API 權杖 { $name } 嗎？使用它的程式將無法再呼叫 API。
confirm-revoke-button = 撤銷權杖
confirm-deactivate = 要停用 { $email } 嗎？該使用者將無法再登入或使用其 API 權杖。您之後可以重新啟用。
confirm-deactivate-button = 停用
confirm-discard = 要捨棄這個新客戶嗎？精靈中輸入的所有內容都將遺失；尚未建立任何內容。
confirm-discard-button = 捨棄
