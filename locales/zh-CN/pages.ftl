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
activity-signed-in = 已登录
activity-user-created = 已添加用户
activity-password-set = 已设置密码
activity-token-created = 已创建 API 令牌
