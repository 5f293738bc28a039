# The activity log told as sentences: one per action, with the names of what it concerns.
activity-what = 发生的事
activity-via = 渠道
activity-filter-customer = 客户
activity-filtered-on = 只显示符合以下条件的条目：
story-a-customer = 某个客户
story-customer-created = { $actor } 添加了 { $customer }。
story-billing-profile-updated = { $actor } 更改了 { $customer } 的账单配置文件：{ $fields }。
story-agreement-attested = { $actor } 记录了 { $signer } 代表 { $customer } 接受客户协议。
story-order-placed = { $actor } 为 { $customer } 下了订单：{ $items }。
story-subscription-quantity-changed = { $actor } 将 { $customer } 的 { $offer } 从 { $from } 个许可证{ $direction ->
        [up] 增加
       *[other] 减少
    }到 { $to } 个。
story-subscription-suspended = { $actor } 暂停了 { $customer } 的 { $offer }。
story-subscription-reactivated = { $actor } 重新激活了 { $customer } 的 { $offer }。
story-subscription-cancelled = { $actor } 取消了 { $customer } 的 { $offer }。
story-subscription-renewed = { $customer } 的 { $offer } 已续订新的期限，自 { $start } 起。
story-subscription-expired = { $customer } 的 { $offer } 已于 { $end } 到期：其期限结束且未续订。
story-subscription-next-term-changed = { $scheduled ->
    [yes] { $actor } 已安排 { $customer } 的 { $offer } 续订为：{ $next }。
   *[no] { $actor } 已删除为 { $customer } 的 { $offer } 续订安排的更改。
}
story-subscription-auto-renew-changed = { $actor } { $on ->
        [true] 开启
       *[other] 关闭
    }了 { $customer } 的 { $offer } 自动续订。
story-signed-in = { $actor } 已登录。
story-user-created = { $actor } 创建了用户 { $email }，角色为{ $role }。
story-password-set = { $actor } 设置了 { $email } 的密码。
story-token-created = { $actor } 为 { $user } 创建了 API 令牌“{ $name }”。
story-token-revoked = { $actor } 吊销了 { $user } 的 API 令牌“{ $name }”。
story-user-invited = { $actor } 邀请了 { $email }，角色为{ $role }。
story-user-role-changed = { $actor } 将 { $email } 的角色从{ $from }更改为{ $to }。
story-user-deactivated = { $actor } 停用了 { $email }。
story-user-reactivated = { $actor } 重新激活了 { $email }。
story-relationship-requested = { $actor } 创建了经销商关系请求{ $dap ->
        [true] （含委派的管理员访问权限）
       *[other] {""}
    }。
story-relationship-accepted = { $customer } 接受了经销商关系请求。
story-relationship-declined = { $customer } 拒绝了经销商关系请求。
story-reseller-invited = { $actor } 邀请了间接经销商 { $reseller } 及其管理员 { $adminEmail }。
story-customer-price-rule-changed = { $scope ->
        [customer] { $actor } 将 { $customer } 的价格规则设为 { $rule }。
        [offer] { $actor } 将 { $offer } 的价格规则设为 { $rule }。
       *[other] { $actor } 将默认价格规则设为 { $rule }。
    }
story-support-profile-updated = { $actor } 更新了支持配置文件。
story-service-request-opened = { $actor } 为 { $customer } 创建了 { $request }。
story-service-request-note-added = { $actor } 在 { $request } 添加了{ $visibility ->
        [internal] 内部备注
       *[other] 备注
    }。
story-service-request-status-changed = { $actor } 将 { $request } 的状态从“{ $from }”更改为“{ $to }”。
story-service-request-assigned = { $assigned ->
        [no] { $actor } 取消了 { $request } 的分配。
       *[other] { $actor } 将 { $request } 分配给 { $assignee }。
    }
story-service-request-escalated = { $actor } 将 { $customer } 的 { $request } 上报。
story-user-invitation-resent = { $actor } 重新发送了给 { $email } 的邀请。
story-user-invitation-revoked = { $actor } 吊销了给 { $email } 的邀请。
story-customer-password-reset = { $actor } 给了 { $customer } 的 { $userName } 新的临时密码。
