# Partnerdesk — messages of the REST API and of every validation rule.
# The rule messages (error-*) also appear next to form fields in the portal, so they
# never name the field themselves.

## Validation rules

error-required = 此值为必填项。
error-too-long = 最多可输入 { $max } 个字符。
error-single-character = 公司名称至少需要两个字符。
error-no-letters-or-digits = 请使用字母或数字，不能仅包含标点符号或空格。
error-legal-form-only = 请输入公司名称，而不是仅输入其法律形式（例如有限公司或股份有限公司）。
error-country-unknown = { $suggestion ->
    [none] 请使用两个字母的 ISO 3166 国家/地区代码，例如 US 或 FR。
   *[other] 对于此国家/地区，请使用 ISO 3166 代码 { $suggestion }。
}
error-state-unknown = 请选择所选国家/地区的州或省。
error-postal-code-format = 此邮政编码与所选国家/地区使用的格式不匹配，格式示例：{ $example }。
error-phone-invalid = 请输入在所选国家/地区有效的电话号码，或以 + 开头的国际电话号码。
error-phone-required-in-country = 所选国家/地区的公司必须提供电话号码。
error-email-invalid = 请输入电子邮件地址，例如 name@example.com。
error-email-at-partner-domain = 请使用客户自己的电子邮件地址，而不是您组织域中的地址。
error-registration-number-required = 所选国家/地区的公司必须提供组织注册号。
error-registration-number-invalid = 组织注册号不符合预期的格式，格式示例：{ $sample }。
error-registration-number-not-accepted = 请将组织注册号留空：所选国家/地区不使用此号码。
error-culture-unsupported = 请选择所选国家/地区支持的一种区域性。
error-language-unsupported = 请选择所选国家/地区支持的一种语言。
error-domain-prefix-characters = 只能使用字母 a–z 和数字 0–9，不能包含空格、句点或连字符。
error-domain-suffix = 域必须以 { $suffix } 结尾，或仅提供前缀。
error-domain-taken = 此域已被使用。请选择其他前缀。
error-agreement-not-accepted = 请确认客户已接受客户协议。
error-date-in-future = 协议日期不能晚于今天。
error-date-invalid = 请按 YYYY-MM-DD 格式输入日期，且不得早于 2000 年。
error-agreement-template-unknown = 请使用当前版本协议的模板 ID。
error-agreement-type-unknown = 请使用协议类型 MicrosoftCustomerAgreement 或 MicrosoftCloudAgreement。
error-agreement-already-confirmed = 此联系人已为此客户确认过协议。
error-agreement-required = 客户必须先接受客户协议，您才能下单。
error-agreement-not-offered = 此云不提供协议确认。
error-offer-unknown = 目录中不存在此产品。
error-offer-not-in-country = 此产品在客户所在的国家/地区不可用。
error-offer-not-purchasable = 此产品目前无法购买。
error-quantity-out-of-range = 请输入 { $min } 到 { $max } 之间的许可证数量。
error-quantity-not-a-number = 请以整数形式输入许可证数量。
error-no-line-items = 请至少选择一个产品。
error-too-many-line-items = 一个订单最多只能包含 { $max } 个行项目。
error-addon-needs-parent = 加载项需要提供其所属订阅的 ID。
error-addon-not-related = 无法为该产品的订阅购买此加载项。
error-parent-not-active = 此加载项所属的订阅必须处于活动状态。
error-parent-not-found = 此客户不存在此加载项所属的订阅。
error-not-an-addon = 只有加载项才能针对父订阅购买。
error-subscription-quantity-out-of-range = 此订阅的许可证数量必须介于 { $min } 到 { $max } 之间。
error-quantity-while-suspending = 不能在暂停订阅的同一请求中更改许可证数量。
error-subscription-suspended = 订阅已暂停：请先重新激活，再更改许可证数量。
error-status-unsupported = 状态只能是“active”、“suspended”或“deleted”（取消）。
error-subscription-deleted = 此订阅已删除，无法更改。
error-subscription-expired = 此订阅的期限已结束且未续订，因此已到期，无法更改。请重新订购该产品以再次购买。
error-next-term-needs-auto-renew = 只能为会续订的订阅安排下一期限的更改：请先开启自动续订。
error-parent-not-in-order = 此加载项所属的订阅属于另一个订单。
error-only-add-ons = 只能向现有订单添加加载项；请为此产品下新订单。
error-last-admin = 您的组织至少需要一个活动的管理员代理：请先将其他用户设为管理员代理。
error-role-unknown = 请选择一个角色。
error-password-too-short = 请至少使用 { $min } 个字符。
error-password-mismatch = 两次输入的密码不同：请输入相同的密码两次。
error-password-wrong = 当前密码不正确。
error-password-same = 请选择与当前密码不同的密码。
error-email-taken = 已存在使用此电子邮件的用户。
error-reseller-unknown = 请选择您的一个活动间接经销商。
error-indirect-model-unavailable = 此云不提供间接经销商。
error-partner-on-record-is-provider = 请使用间接经销商的合作伙伴 ID，而不是您自己的 ID。
error-invalid-id = 这不是有效的 ID。
error-country-cannot-change = 无法更改客户的国家/地区。
error-term-unknown = 请选择期限 P1M（一个月）、P1Y（一年）或 P3Y（三年）。
error-billing-plan-unknown = 请选择计费方式 monthly（按月）、annual（按年）或 triennial（三年一次）。
error-billing-plan-not-for-term = { $term } 期限不提供 { $plan } 计费方式。
error-no-price-in-effect = 此产品在客户的市场和货币中没有此期限和计费方式的价格。
error-seat-reduction-window-passed = 已超过 { $hours } 小时的减少许可证期限：{ $refundable ->
    [0] 现在无法再移除任何许可证。
   *[other] 只能再移除 { $refundable } 个许可证。
}
error-cancellation-window-passed = 已超过 { $hours } 小时的取消期限：订阅将按整个期限计费。
error-quantity-while-cancelling = 不能在取消订阅的同一请求中更改许可证数量。
error-auto-renew-not-offered = 此产品不会自动续订。
error-quantity-change-invalid = 请移除少于订阅现有数量的许可证；要全部移除，请取消订阅。
error-date-outside-cycle = 此订阅的期限已结束：续订后才能再次更改。
error-amount-overflow = 此金额过大。
error-amount-invalid = 请输入数字，例如 15 或 12.5。
error-markup-out-of-range = 加价比例须在 0 到 { $max }% 之间。
error-erp-missing = 此产品没有建议零售价：请改为设置成本加价百分比。

## API errors

api-fields-invalid = 有 { $count } 个值无效：
api-unauthorized = 请在 Authorization 标头中发送 API 令牌：“Authorization: Bearer <token>”。
api-token-invalid = 无法识别此 API 令牌，或该令牌已被吊销。
api-forbidden = 您的角色（{ $role }）不允许执行此操作。
api-reseller-forbidden = 间接经销商无法执行此操作：由其间接提供商为其添加客户、确认协议并下单。
api-not-found = 请求的资源不存在。
api-customer-not-found = 您的组织中没有具有此 ID 的客户。
api-invitation-not-found = 此邀请不存在或已答复。
api-user-not-found = 您的组织中没有具有此 ID 的用户。
api-link-not-found = 此链接不存在、已被使用或已过期。
api-token-not-found = 您没有具有此 ID 的 API 令牌。
api-order-not-found = 此客户没有您可查看的、具有此 ID 的订单。
api-subscription-not-found = 此客户没有您可查看的、具有此 ID 的订阅。
api-invoice-not-found = 您没有此编号的发票。
api-offer-not-found = 在此国家/地区，目录中没有具有此 ID 的产品。
api-country-rules-not-found = 找不到 { $country } 的验证规则：请使用 ISO 3166 alpha-2 代码，例如英国为 GB。
api-bad-request = 请求无效：请根据 /docs 中的 API 参考检查其参数和正文。
api-route-not-found = 不存在此 API 终结点。有关 API 参考，请参阅 /docs。
api-method-not-allowed = 此资源不允许使用此 HTTP 方法。
api-malformed-json = 请求正文不是有效的 JSON：{ $detail }
api-invalid-value = 某个值的类型错误：{ $detail }
api-unsupported-media-type = 请以 JSON 格式发送请求正文，并附带标头“Content-Type: application/json”。
api-payload-too-large = 请求正文超过 { $max } 个字节。
api-domain-taken = 域 { $domain } 已被使用。请选择其他域前缀。
api-request-id-reused = 此 MS-RequestId 已用于其他请求。新的请求请使用新的 ID。
api-precondition-failed = 自您读取以来，该资源已更改：请重新读取，然后重新应用您的更改。
api-precondition-required = 若要更改资源，请在 If-Match 标头（或 attributes.etag）中发送该资源的 etag。
api-too-many-requests = 已超出速率限制。请在 { $seconds } 秒后重试。
api-internal = 我们这边出现了问题。报告此问题时，请提供关联 ID { $correlation }。
api-unavailable = 服务暂时不可用。请稍后重试。
api-relationship-requests-unavailable = 此云不提供经销商关系请求。

## Query parameters

query-size = 请使用 1 到 1000 之间的页面大小。
query-provider = 请使用 provider=onetime：Partnerdesk 仅对 new commerce 许可证计费。
query-invoice-line-item-type = 请使用 invoicelineitemtype=billinglineitems。
query-currency-code = 请使用 ISO 4217 货币代码，例如 EUR 或 USD。
query-period = 请使用 period=current 或 period=previous。
query-line-size = 页面大小请使用 1 到 2000。
query-offset = 请使用大于或等于 0 的偏移量。
query-filter = 请使用筛选器，例如 {"{"}"Field":"CompanyName","Value":"Con","Operator":"starts_with"{"}"}。字段：CompanyName、Domain、IndirectReseller；唯一的运算符为 starts_with。
query-continuation = 延续令牌对此列表无效：请从第一页重新开始。
query-seek-operation = 请将 seekOperation=Next 与上一页的 MS-ContinuationToken 标头一起使用。
query-relationship-type = 请使用 relationship_type=IsIndirectCloudSolutionProviderOf；对于经销商，请使用 IsIndirectResellerOf。
query-agreement-type = 请使用 agreementType=MicrosoftCustomerAgreement、MicrosoftCloudAgreement 或 *。
query-order-id = 订单 ID 无效。
query-reseller-not-provider = 只有间接提供商才能指定间接经销商。
query-reseller-unknown = 这不是您的活动间接经销商之一。
query-date = 请按 RFC 3339 格式（2026-11-22T10:00:00Z）输入时间，或输入日期（2026-11-22）。
query-customer-id = 客户 ID 无效。
query-operation-type = 未知的操作类型：请使用 customer-created、billing-profile-updated、agreement-attested、order-placed、subscription-quantity-changed、subscription-suspended、subscription-reactivated、signed-in、user-created、password-set 或 token-created。
error-self-deactivation = 您不能停用自己：请联系另一位管理员代理。
error-attachment-too-large = 每个附加文件不得超过 { $max } MB。
error-attachment-type-refused = 只能附加以下类型且内容与文件名相符的文件：{ $types }。
error-attachment-empty = 此文件为空：请附加有内容的文件。
error-too-many-attachments = 最多只能附加 { $max } 个文件。
error-subscription-unknown = 请选择客户的订阅之一，且须由接收此请求的合作伙伴销售。
error-subscription-of-other-partner = 此订阅由另一个合作伙伴销售：请选择该合作伙伴，或将合作伙伴留空。
