# Partnerdesk — the portal's pages. Buttons, menu items and step names follow the interface
# glossary (GLOSSARY.md). Messages explaining refused values are in api.ftl (error-*).

## Shell

app-name = Partnerdesk
skip-to-content = 跳到主要内容
nav-label = 主菜单
nav-customers = 客户
header-signed-in-as = 登录身份：{ $email }
header-sign-out = 注销
header-language = 语言
header-change-language = 更改语言
optional = （可选）
choose = 请选择…
none-value = —
page-title = { $page } – Partnerdesk

## Sign-in

sign-in-title = 登录
sign-in-intro = 请使用您的工作电子邮件地址和密码登录 Partnerdesk。
sign-in-email = 电子邮件
sign-in-password = 密码
sign-in-button = 登录
sign-in-failed = 电子邮件地址或密码不正确。
sign-in-locked = 登录失败次数过多。请在 { $minutes } 分钟后重试。
sign-in-signed-out = 您已注销。
sign-in-session-ended = 您的会话已结束。请重新登录以继续。
form-expired = 此表单已过期。请检查各项值，然后重新提交。

## Customers

customers-title = 客户
customers-add = 添加客户
customers-search = 搜索
customers-search-by = 搜索依据
customers-search-by-name = 公司名称
customers-search-by-domain = 域
customers-search-text = 开头为
customers-search-button = 搜索
customers-search-clear = 显示所有客户
customers-column-company = 公司名称
customers-column-domain = 域
customers-column-country = 国家/地区
customers-column-reseller = 间接经销商
customers-column-created = 创建日期
customers-direct = 直接销售
customers-empty-title = 暂无客户
customers-empty-text = 只需三个步骤即可添加您的第一个客户：帐户信息、订阅和审阅。
customers-no-match = 没有任何客户的{ $by ->
    [domain] 域
   *[name] 公司名称
}以“{ $text }”开头。
customers-next-page = 下一页
customers-first-page = 第一页
customers-shown = 已显示 { $count } 个客户

## A customer

customer-back = 返回客户列表
customer-profile = 配置文件
customer-id = 客户 ID
customer-domain = 域
customer-created = 创建日期
customer-address = 地址
customer-contact = 主要联系人
customer-email = 电子邮件
customer-phone = 电话号码
customer-culture = 区域性和语言
customer-registration = 组织注册号
customer-reseller = 间接经销商
customer-admin = 管理员用户名
customer-agreement = 客户协议
customer-agreement-none = 尚未记录客户对客户协议的接受。
customer-agreement-signer = 接受人
customer-agreement-date = 签署日期
customer-agreement-type = 协议
customer-agreement-recorded = 记录日期
customer-subscriptions = 订阅
customer-subscriptions-none = 此客户尚无订阅。
customer-add-subscriptions = 添加订阅
customer-ordered = 订单已下达。其订阅列在下方。
order-title = 添加订阅
order-heading = 为 { $company } 添加订阅
subscription-offer = 产品
subscription-licenses = 许可证
subscription-status = 状态
subscription-created = 创建日期
subscription-commitment-end = 承诺结束日期
status-active = 活动
status-suspended = 已暂停
status-deleted = 已删除
subscription-title = 订阅
subscription-back = 返回 { $company }
subscription-details = 详细信息
subscription-friendly-name = 名称
subscription-parent = 所属订阅
subscription-parent-link = 父订阅
subscription-manage = 许可证和状态
subscription-new-quantity = 许可证数量
subscription-range = { $min } 到 { $max } 个许可证
subscription-change-quantity = 更改许可证数量
subscription-suspend = 暂停
subscription-reactivate = 重新激活
subscription-suspend-hint = 暂停此订阅也会暂停其加载项。
subscription-suspended-hint = 订阅已暂停：重新激活后才能更改许可证数量或购买加载项。
subscription-add-ons = 加载项
subscription-add-ons-none = 尚未为此订阅购买加载项。
subscription-buy-add-on = 购买加载项
subscription-add-on = 加载项
subscription-buy = 购买加载项
subscription-done-quantity = 已更改许可证数量。
subscription-done-suspend = 已暂停订阅。
subscription-done-reactivate = 已重新激活订阅。
subscription-done-add-on = 已购买加载项。
subscription-plan-label = 期限和计费
plan-p1m-monthly = 一个月，按月计费
plan-p1y-monthly = 一年，按月计费
plan-p1y-annual = 一年，按年计费
plan-p3y-monthly = 三年，按月计费
plan-p3y-annual = 三年，按年计费
plan-p3y-triennial = 三年，预先付清
subscription-refundable-label = 可移除的许可证
subscription-refundable = { $count } 个，截至 { $date }
subscription-refundable-none = 无：许可证只能在添加后 7 天内移除
subscription-cancel-until-label = 可取消截止日期
subscription-cancel-closed = 已不可取消：订阅只能在购买或续订后 7 天内取消
subscription-cancel = 取消订阅
subscription-done-cancel = 订阅已取消。
subscription-auto-renew-label = 期限结束时续订
subscription-auto-renew-on = 是
subscription-auto-renew-off = 否：随期限结束
subscription-turn-off-auto-renew = 关闭自动续订
subscription-turn-on-auto-renew = 开启自动续订
subscription-done-auto-renew-off = 已关闭自动续订：订阅将随期限结束。
subscription-done-auto-renew-on = 已开启自动续订。
subscription-changed-meanwhile = 在您打开此订阅期间，有人更改了它。请检查其许可证数量和状态，然后重试。

## The "Add customer" wizard

wizard-title = 添加新客户
wizard-steps = 进度
wizard-step-current = 当前步骤
step-account = 帐户信息
step-subscriptions = 订阅
step-review = 审阅
fieldset-company = 公司详细信息
fieldset-contact = 主要联系人
fieldset-domain = 域
fieldset-agreement = 客户协议
fieldset-reseller = 间接经销商
label-company-name = 公司名称
label-country = 国家/地区
label-address-line1 = 地址行 1
label-address-line2 = 地址行 2
label-city = 城市
label-state = 州或省
label-postal-code = 邮政编码
label-phone = 电话号码
label-registration = 组织注册号
label-culture = 区域性
label-language = 语言
label-first-name = 名
label-last-name = 姓
label-email = 电子邮件
label-domain-prefix = 域前缀
label-agreement-accepted = 客户已接受客户协议
label-signer-first-name = 签署人的名
label-signer-last-name = 签署人的姓
label-signer-email = 签署人的电子邮件
label-signer-phone = 签署人的电话号码
label-date-agreed = 签署日期
label-reseller = 销售渠道
option-no-reseller = 无间接经销商（直接销售）
hint-country = 请先选择国家/地区：必填信息取决于所选的国家/地区。
hint-postal-required = 在此国家/地区为必填项。
hint-postal-optional = 在此国家/地区为可选项。
hint-registration = 此国家/地区的公司必须填写。示例：{ $sample }
hint-registration-none = 此国家/地区不使用此项：请留空。
hint-phone-required = 此国家/地区的公司必须填写。
hint-culture = 客户使用的日期和数字格式；默认为该国家/地区的格式。
hint-language = 客户的语言；默认为该国家/地区的语言。
hint-domain = 只能使用字母 a–z 和数字 0–9，最多 27 个字符。域以后无法更改。
hint-date = 客户接受协议的日期，不得晚于今天。
hint-reseller = 客户将与此经销商关联。
agreement-read = 阅读客户协议
apply-country = 应用国家/地区规则
domain-check = 检查可用性
domain-available = { $domain } 可用。
domain-taken = { $domain } 已被使用。请选择其他前缀。
domain-invalid = 请输入有效的前缀以进行检查。
subscriptions-intro = 请为 { $company } 选择产品，并输入每个产品的许可证数量。
subscriptions-country = { $country } 提供的产品
subscriptions-range = { $min } 到 { $max }
subscriptions-licenses = 许可证数量
subscriptions-add-ons = 客户拥有订阅后，即可从客户页面购买加载项。
subscriptions-none = 此国家/地区没有可用的产品。
review-intro = 请检查详细信息，然后提交。若要更改某个部分，请选择“更新”。
review-account = 帐户信息
review-subscriptions = 订阅
review-agreement-accepted = 由 { $name } 于 { $date } 接受
review-licenses = { $count } 个许可证
review-domain = { $domain }
review-submit-note = 提交后，将创建客户的租户、其管理员用户、协议记录和订阅。
button-next-subscriptions = 下一步：订阅
button-back = 上一步
button-next-review = 下一步：审阅
button-update = 更新
button-submit = 提交
button-done = 完成
button-copy = 复制
button-copied = 已复制
error-summary-title = 此页面有 { $count } 个问题
error-summary-item = { $field }：{ $message }
confirmation-title = 已创建客户
confirmation-intro = { $company } 现已拥有租户 { $domain }、其订阅和一个管理员帐户。
confirmation-username = 管理员用户名
confirmation-password = 临时密码
confirmation-warning = 请立即复制密码：密码不会再次显示。客户的管理员首次登录时必须更改密码。
confirmation-password-gone = 密码仅在创建该客户的会话中显示一次。请让管理员代理为客户的管理员设置新密码。

## Error pages

page-not-found-title = 找不到页面
page-not-found-text = 此页面不存在，或您无权访问。
page-forbidden-title = 您无法执行此操作
page-forbidden-text = 您的角色不允许执行此操作。请联系您组织的管理员代理。
page-error-title = 出现问题
page-error-text = 无法显示此页面。请重试；如果问题再次出现，请提供关联 ID { $correlation }。
page-unavailable-text = 服务暂时不可用。请稍后重试。
page-go-customers = 转到客户页面

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

nav-activity = 活动
activity-title = 活动
activity-export = 导出 CSV
activity-action = 操作
activity-all-actions = 所有操作
activity-actor = 人员
activity-from = 开始日期
activity-to = 结束日期
activity-filter = 筛选
activity-date-invalid = 请按 YYYY-MM-DD 格式输入日期。
activity-customer-back = 返回客户
activity-all-customers = 全部活动
activity-none = 没有符合这些筛选条件的活动。
activity-when = 时间
activity-details = 详细信息
activity-customer = 客户
activity-older = 更早的记录
activity-channel-api = API
activity-channel-portal = 门户
activity-channel-customer-portal = 客户门户
activity-channel-cli = 服务器命令
activity-customer-created = 已添加客户
activity-billing-profile-updated = 已更改账单配置文件
activity-agreement-attested = 已记录客户协议接受情况
activity-order-placed = 已下订单
activity-subscription-quantity-changed = 已更改许可证数量
activity-subscription-suspended = 已暂停订阅
activity-subscription-reactivated = 已重新激活订阅
activity-subscription-cancelled = 已取消订阅
activity-subscription-renewed = 已续订订阅
activity-subscription-auto-renew-changed = 自动续订已更改
activity-signed-in = 已登录
activity-user-created = 已添加用户
activity-password-set = 已设置密码
activity-token-created = 已创建 API 令牌

nav-users = 用户
nav-tokens = API 令牌
users-title = 用户
users-invited = 已邀请该用户。请将此链接发送给对方以设置密码；该链接仅可使用一次，7 天内有效：
users-link-once = 此链接仅在此时显示。
users-email = 电子邮件
users-role = 角色
users-status = 状态
users-you = 您
users-role-of = { $email } 的角色
users-save = 保存角色
users-active = 活动
users-inactive = 已停用
users-deactivate = 停用
users-reactivate = 重新启用
users-invite = 邀请用户
users-invite-button = 邀请
role-admin-agent = 管理员代理
role-sales-agent = 销售代理
role-helpdesk-agent = 支持人员代理
role-billing-admin = 计费管理员
set-password-title = 设置密码
set-password-intro = 为 { $email } 选择密码。
set-password-new = 新密码
set-password-hint = 至少 12 个字符。
set-password-confirm = 再次输入新密码
set-password-button = 设置密码
set-password-invalid = 此链接已被使用或已过期。请向您组织的管理员代理索取新的邀请。
sign-in-password-set = 密码已设置。请使用该密码登录。
tokens-title = API 令牌
tokens-intro = API 令牌允许程序以您的身份调用 Partnerdesk API：请以“Authorization: Bearer <令牌>”的形式发送。
tokens-created = 您的新 API 令牌：
tokens-once = 请立即复制：它只显示这一次。
tokens-none = 尚无 API 令牌。
tokens-name = 名称
tokens-user = 用户
tokens-created-on = 创建日期
tokens-revoked-on = 已于 { $date } 吊销
tokens-revoke = 吊销
tokens-revoke-named = 吊销 { $name }
tokens-new = 创建 API 令牌
tokens-name-hint = 令牌的用途，例如使用它的程序名称。
tokens-create = 创建令牌
activity-token-revoked = 已吊销 API 令牌
activity-user-invited = 已邀请用户
activity-user-role-changed = 已更改角色
activity-user-deactivated = 已停用用户
activity-user-reactivated = 已重新启用用户

customer-sign-in-title = 客户登录
customer-sign-in-intro = 请使用贵组织的管理员帐户登录：即合作伙伴提供给您的用户名和密码。
customer-sign-in-user-name = 用户名
customer-password-title = 更改密码
customer-password-forced = 继续之前，请将临时密码替换为您自己的密码。
customer-password-current = 当前密码
customer-password-button = 更改密码
customer-home-title = 您的组织
customer-invitation-accepted = 您已接受邀请：该合作伙伴现在是您的合作伙伴之一。
customer-invitation-declined = 您已拒绝邀请。
customer-invitation-title = 合作伙伴的邀请
customer-invitation-from = { $partner } 请求成为贵组织的经销商。
customer-invitation-through = 您将通过其间接经销商 { $reseller } 购买。
customer-invitation-dap = 它还请求对贵组织的委派管理员访问权限。
customer-invitation-expires = 此邀请将于 { $date } 过期。
customer-invitation-accept = 接受
customer-invitation-decline = 拒绝
customer-invitation-invalid = 此邀请不存在、已过期或已答复。
customer-invitations = 邀请
customer-partners = 您的合作伙伴
customer-partner = 合作伙伴
customer-partner-since = 起始日期
relationship-title = 请求经销商关系
relationship-intro = 向现有客户发送一个链接，其管理员可通过该链接接受您作为经销商。接受后，该客户将出现在您的客户列表中。
relationship-link = 请将此链接发送给客户的管理员；链接 30 天内有效：
relationship-email-label = 要发送的电子邮件
relationship-new = 新请求
relationship-dap = 同时请求委派管理员访问权限
relationship-create = 创建链接
activity-relationship-requested = 已请求经销商关系
activity-relationship-accepted = 已接受经销商关系
activity-relationship-declined = 已拒绝经销商关系
relationship-email =
    您好：

    { $partner } 希望成为贵组织的经销商。

    如需接受，请打开此链接并使用贵组织的管理员帐户登录：
    { $link }

    该链接 30 天内有效。

    此致
    { $partner }
nav-resellers = 经销商
resellers-title = 您的间接经销商
resellers-invited = 已添加经销商。请将此链接发送给其管理员代理以设置密码；该链接仅可使用一次，7 天内有效：
resellers-none = 您还没有间接经销商。
resellers-name = 经销商
resellers-mpn = 合作伙伴 ID
resellers-invite = 邀请经销商
resellers-admin-email = 其管理员代理的电子邮件
activity-reseller-invited = 已邀请经销商

## Flash messages and confirmations
tokens-revoked-notice = 令牌已吊销：使用它的程序再也无法调用 API。
users-role-saved = 角色已保存。
users-deactivated-notice = 该用户已停用：无法再登录或使用其 API 令牌。
users-reactivated-notice = 该用户已重新启用。
customer-password-changed = 您的密码已更改。
wizard-cancelled = 已放弃新客户。
wizard-cancel = 取消
confirm-title = 请确认
confirm-cancel = 取消
confirm-suspend = 要为 { $company } 暂停 { $offer } 吗？其用户将失去访问权限，其活动的附加产品也会一并暂停。暂停期间继续计费。
confirm-suspend-button = 暂停
confirm-cancel-subscription = 要为 { $company } 取消 { $offer } 吗？未使用的天数将退款，其附加产品也将一并取消，且无法重新激活。
confirm-cancel-subscription-button = 取消订阅
confirm-lower = 要将 { $company } 的 { $offer } 从 { $from } 个许可证减少到 { $to } 个吗？超出新数量的用户将失去许可证。
confirm-lower-button = 减少许可证
confirm-revoke = 要吊销 API 令牌 { $name } 吗？使用它的程序将无法再调用 API。
confirm-revoke-button = 吊销令牌
confirm-deactivate = 要停用 { $email } 吗？该用户将无法再登录或使用其 API 令牌。您以后可以重新启用。
confirm-deactivate-button = 停用
confirm-discard = 要放弃这个新客户吗？向导中输入的所有内容都将丢失；尚未创建任何内容。
confirm-discard-button = 放弃
