# Partnerdesk — 支持：支持配置文件、服务请求及其 API 消息。

## Rules
error-severity-unknown = 请选择严重性：严重、中等或轻微。
error-support-topic-unknown = 请选择其中一个支持主题。
error-request-status-unknown = 请使用 open、attention_needed 或 closed 状态。
error-request-status-same = 此请求已是此状态。
error-request-status-unsupported = 您可以关闭请求或重新打开。
error-phone-not-international = 请以国际格式输入号码：+ 加上国家代码，例如 +86 10 1234 5678。
error-website-invalid = 请输入以 https:// 或 http:// 开头的网址，例如 https://example.com/support。
error-support-contact-required = 请提供电子邮件地址或电话号码，让客户能联系您的支持。
error-assignee-unknown = 请选择您其中一位有效的管理员或技术支持专员。
error-partner-unknown = 请选择您其中一个合作伙伴。
error-escalation-unavailable = 此请求无法上报：已经上报过，或没有可以上报的对象。

## API
api-service-request-not-found = 您没有此编号的服务请求。
api-service-request-file-not-found = 此服务请求没有此编号的文件。
api-support-profile-not-found = 您尚未发布支持配置文件：使用 PUT /v1/profiles/support 发布。
api-locale-not-found = 请使用 en-US、zh-TW、zh-CN、fr-FR 或 ru-RU 其中一种语言。
api-service-request-no-change = 请发送一项更改：newNote、status、assignee，或 escalate 并附带 newNote。
api-service-request-one-change = 每个请求只发送一项更改：newNote、status、assignee，或 escalate 并附带 newNote。
api-note-visibility = 备注的可见性请使用 public、partners 或 internal。
query-request-status = 请使用 status=open、status=attention_needed 或 status=closed。
query-severity = 请使用 severity=critical、severity=moderate 或 severity=minimal。
query-assignee = 请使用 assignee=me、assignee=none 或您其中一位专员的标识符。
query-overdue = 请使用 overdue=true 或 overdue=false。
query-request-size = 请使用 1 到 200 的页面大小。

## Topics
support-topic-sign-in = 登录
support-topic-sign-in-description = 用户无法登录、密码、多重身份验证。
support-topic-licenses = 许可证和订阅
support-topic-licenses-description = 分配许可证、许可证数量、续订。
support-topic-billing = 账单和发票
support-topic-billing-description = 关于发票、费用或价格的问题。
support-topic-service-outage = 服务中断
support-topic-service-outage-description = 服务对多个用户不可用或速度缓慢。
support-topic-configuration = 安装和配置
support-topic-configuration-description = 配置域、邮件、设备或安全设置。
support-topic-other = 其他
support-topic-other-description = 其他任何问题。

## Severities and statuses
severity-critical = 严重
severity-moderate = 中等
severity-minimal = 轻微
severity-critical-hint = 严重：生产环境停止运行。{ $hours } 小时内首次响应。
severity-moderate-hint = 中等：生产环境部分受影响。{ $hours } 小时内首次响应。
severity-minimal-hint = 轻微：服务仍可使用，或非生产环境。{ $hours } 小时内首次响应。
request-status-open = 打开
request-status-attention-needed = 等待客户回复
request-status-closed = 已关闭
customer-request-status-attention-needed = 等待您的回复

## Activity
activity-support-profile-updated = 支持配置文件已更新
activity-service-request-opened = 已打开服务请求
activity-service-request-note-added = 已在服务请求中添加备注
activity-service-request-status-changed = 服务请求状态已更改
activity-service-request-assigned = 已分配服务请求
activity-service-request-escalated = 已上报服务请求

## The Support workspace
nav-support = 支持
support-title = 支持
support-intro = 来自您客户的服务请求，以及上报给您的请求。
support-tab-queue = 请求
support-tab-profile = 支持配置文件
support-filters = 筛选条件
support-filter-status = 状态
support-filter-severity = 严重性
support-filter-assignee = 分配对象
support-filter-any = 全部
support-assignee-me = 我
support-assignee-nobody = 无人
support-filter-overdue = 仅显示逾期
support-filter-apply = 显示
support-col-number = 编号
support-col-title = 标题
support-col-customer = 客户
support-col-severity = 严重性
support-col-status = 状态
support-col-assignee = 分配对象
support-col-due = 期限
support-col-updated = 更新时间
support-none = 没有符合的服务请求。
support-overdue = 已逾期
support-next-page = 下一页
support-first-page = 第一页
support-request-title = 服务请求 { $number }
support-back = 返回支持
support-opened-by = 打开者
support-opened = 打开时间
support-addressed-to = 提交给
support-escalated-to = 上报给
support-operator = 运营方
support-note-by-operator = { $name }（运营方）
support-topic = 主题
support-first-response-due = 首次响应期限
support-first-response = 首次响应
support-resolution-due = 解决期限
support-description = 描述
support-thread = 对话
support-no-notes = 尚无备注。
support-visibility-public = 客户可见
support-visibility-partners = 合作伙伴与运营方
support-visibility-internal = 仅您的团队
support-note-label = 备注
support-note-visibility = 谁可以阅读
support-add-note = 添加备注
support-note-added = 已添加备注。
support-change-status = 更改状态
support-status-label = 新状态
support-status-changed = 状态已更改。
support-assign = 分配
support-assignee-label = 专员
support-assigned = 已保存分配。
support-escalate-title = 上报给 { $provider }
support-escalate-hint = 将请求交给您销售此客户所通过的间接提供商。客户看不到原因。
support-escalate-operator-title = 上报给运营方
support-escalate-operator-hint = 当您无法解决时，将请求交给此 Partnerdesk 的运营方（您的分销商或厂商）。运营方可以阅读对话，但看不到您的内部备注；客户看不到原因。
support-escalate-reason = 原因
support-escalate = 上报
support-escalated = 已上报此请求。
support-new-title = 打开服务请求
support-new-for = 代表 { $customer }
support-open = 打开请求
support-opened-notice = 已打开服务请求。
support-open-for-customer = 打开服务请求
support-customer-requests = 服务请求
support-field-title = 标题
support-field-description = 描述
support-field-severity = 严重性
support-field-topic = 主题
support-field-partner = 合作伙伴
support-field-partner-hint = 向您销售相关订阅的合作伙伴。
support-choose = 请选择…
support-profile-title = 支持配置文件
support-profile-intro = 您的客户如何联系您的支持。客户会在客户门户中看到。
support-profile-email = 支持电子邮件
support-profile-telephone = 支持电话
support-profile-telephone-hint = 国际格式，例如 +86 10 1234 5678。
support-profile-website = 支持网站
support-profile-hours = 服务时间
support-profile-hours-hint = 例如周一至周五 9:00–18:00（北京时间）。
support-profile-pricing = 支持费用
support-profile-save = 保存配置文件
support-profile-saved = 已保存您的支持配置文件。

## The customer portal
customer-support-title = 支持
customer-support-intro = 您的合作伙伴为您提供支持。请在此打开请求并跟踪直到解决。
customer-support-contacts = 如何联系支持
customer-support-no-profile = 此合作伙伴尚未发布支持联系方式：请在此打开请求。
customer-support-requests = 您的请求
customer-support-none = 您尚未打开任何请求。
customer-support-open = 打开请求
customer-support-close = 关闭请求
customer-support-reopen = 重新打开请求
customer-support-closed-notice = 已关闭请求。
customer-support-reopened-notice = 已重新打开请求。
customer-support-waiting = 您的合作伙伴正在等待您的回复。
customer-support-link = 支持

## Mail
mail-service-request-opened-subject = [{ $number }] { $customer } 的新请求（{ $severity }）：{ $title }
mail-service-request-opened-body = { $customer } 打开了服务请求 { $number }：“{ $title }”。
mail-service-request-answered-subject = [{ $number }] { $partner } 已回复：{ $title }
mail-service-request-answered-body = { $partner } 已回复您的服务请求 { $number }“{ $title }”：
mail-service-request-waiting-subject = [{ $number }] 等待您的回复：{ $title }
mail-service-request-waiting-body = { $partner } 需要您的回复，才能继续处理您的服务请求 { $number }“{ $title }”。请在客户门户中回复。
mail-service-request-closed-subject = [{ $number }] 已关闭：{ $title }
mail-service-request-closed-body = { $partner } 已关闭您的服务请求 { $number }“{ $title }”。如果问题尚未解决，请在客户门户中重新打开。
mail-service-request-escalated-subject = [{ $number }] { $partner } 上报：{ $title }
mail-service-request-escalated-body = { $partner } 将 { $customer } 的服务请求 { $number }“{ $title }”上报给您：
mail-service-request-escalated-to-operator-subject = [{ $number }] { $partner } 上报给运营方：{ $title }
mail-service-request-escalated-to-operator-body = { $partner } 将 { $customer } 的服务请求 { $number }“{ $title }”上报给运营方。请用“partnerdesk support show { $number }”阅读，并用“partnerdesk support note { $number } --text …”回复。原因：
mail-service-request-customer-answered-subject = [{ $number }] { $customer } 已回复：{ $title }
mail-service-request-customer-answered-body = { $customer } 回复了服务请求 { $number }“{ $title }”：
mail-service-request-reopened-subject = [{ $number }] { $customer } 已重新打开：{ $title }
mail-service-request-reopened-body = { $customer } 重新打开了服务请求 { $number }“{ $title }”：问题尚未解决。
mail-support-contact = { $partner } 支持：{ $contact }
mail-open-link = 打开请求
mail-footer = 由 Partnerdesk 发送。发往此地址的回复不会被阅读：请在门户中回复。
support-mail-title = 邮件
support-mail-intro = 您的组织的更改所发送的邮件：给客户和您的支持地址的回复与请求。无法发送的邮件会再次尝试。
support-mail-no-smtp = 尚未配置邮件服务器（smtp_url）：邮件会在此等待，配置后即会发送。
support-mail-none = 尚无邮件。
support-mail-created = 创建时间
support-mail-to = 收件人
support-mail-subject = 主题
support-mail-sent = 已于 { $at } 发送
support-mail-failed = 尚未发送
support-mail-waiting = 等待中
mail-user-invitation-subject = { $partner } 邀请您加入 Partnerdesk
mail-user-invitation-body = { $partner } 已邀请您（{ $email }）加入其 Partnerdesk。请使用下方链接设置密码；该链接仅可使用一次，有效期至 { $until }。
mail-set-password-link = 设置密码
mail-relationship-request-subject = { $partner } 希望成为您的云经销商
mail-relationship-request-body = { $admin ->
        [yes] { $partner } 希望成为贵组织的经销商，并请求委派管理员访问权限以协助管理。如需接受，请打开下方链接并使用贵组织的管理员帐户登录。该链接有效期至 { $until }。
       *[no] { $partner } 希望成为贵组织的经销商。如需接受，请打开下方链接并使用贵组织的管理员帐户登录。该链接有效期至 { $until }。
    }
mail-invitation-link = 查看请求
mail-invoice-ready-subject = 来自 { $partner } 的发票 { $number }
mail-invoice-ready-body = { $partner } 开具的发票 { $number }（{ $start-date } – { $end-date }）已可查看。合计：{ $amount }。
mail-invoice-link = 查看发票
support-field-attachments = 附件
support-field-attachments-hint = 最多 { $max } 个文件，每个不超过 { $mb } MB：{ $types }。
support-attachments = 附件
support-attachment-size = { $kb } KB
support-field-subscription = 相关订阅
support-field-subscription-hint = 请求将发送给销售该订阅的合作伙伴。
support-subscription = 订阅
