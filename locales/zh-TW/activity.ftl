# The activity log told as sentences: one per action, with the names of what it concerns.
activity-what = 發生的事
activity-via = 管道
activity-filter-customer = 客戶
activity-filtered-on = 只顯示符合以下條件的項目：
story-a-customer = 某位客戶
story-customer-created = { $actor } 新增了 { $customer }。
story-billing-profile-updated = { $actor } 變更了 { $customer } 的帳單設定檔：{ $fields }。
story-agreement-attested = { $actor } 記錄了 { $signer } 代表 { $customer } 接受客戶合約。
story-order-placed = { $actor } 為 { $customer } 下了訂單：{ $items }。
story-subscription-quantity-changed = { $actor } 將 { $customer } 的 { $offer } 從 { $from } 個授權{ $direction ->
        [up] 增加
       *[other] 減少
    }到 { $to } 個。
story-subscription-suspended = { $actor } 暫停了 { $customer } 的 { $offer }。
story-subscription-reactivated = { $actor } 重新啟用了 { $customer } 的 { $offer }。
story-subscription-cancelled = { $actor } 取消了 { $customer } 的 { $offer }。
story-subscription-renewed = { $customer } 的 { $offer } 已續訂新的期限，自 { $start } 起。
story-subscription-expired = { $customer } 的 { $offer } 已於 { $end } 到期：其期限結束且未續訂。
story-subscription-next-term-changed = { $scheduled ->
    [yes] { $actor } 已排定 { $customer } 的 { $offer } 續訂為：{ $next }。
   *[no] { $actor } 已移除為 { $customer } 的 { $offer } 續訂排定的變更。
}
story-subscription-auto-renew-changed = { $actor } { $on ->
        [true] 開啟
       *[other] 關閉
    }了 { $customer } 的 { $offer } 自動續訂。
story-signed-in = { $actor } 已登入。
story-user-created = { $actor } 建立了使用者 { $email }，角色為{ $role }。
story-password-set = { $actor } 設定了 { $email } 的密碼。
story-token-created = { $actor } 為 { $user } 建立了 API 權杖「{ $name }」。
story-token-revoked = { $actor } 撤銷了 { $user } 的 API 權杖「{ $name }」。
story-user-invited = { $actor } 邀請了 { $email }，角色為{ $role }。
story-user-role-changed = { $actor } 將 { $email } 的角色從{ $from }變更為{ $to }。
story-user-deactivated = { $actor } 停用了 { $email }。
story-user-reactivated = { $actor } 重新啟用了 { $email }。
story-relationship-requested = { $actor } 建立了轉銷商關係要求{ $dap ->
        [true] （含委派的系統管理員存取權）
       *[other] {""}
    }。
story-relationship-accepted = { $customer } 接受了轉銷商關係要求。
story-relationship-declined = { $customer } 拒絕了轉銷商關係要求。
story-reseller-invited = { $actor } 邀請了間接轉銷商 { $reseller } 及其系統管理員 { $adminEmail }。
story-customer-price-rule-changed = { $scope ->
        [customer] { $actor } 將 { $customer } 的價格規則設為 { $rule }。
        [offer] { $actor } 將 { $offer } 的價格規則設為 { $rule }。
       *[other] { $actor } 將預設價格規則設為 { $rule }。
    }
story-support-profile-updated = { $actor } 更新了支援設定檔。
story-service-request-opened = { $actor } 為 { $customer } 開立了 { $request }。
story-service-request-note-added = { $actor } 在 { $request } 新增了{ $visibility ->
        [internal] 內部附註
       *[other] 附註
    }。
story-service-request-status-changed = { $actor } 將 { $request } 的狀態從「{ $from }」變更為「{ $to }」。
story-service-request-assigned = { $assigned ->
        [no] { $actor } 取消了 { $request } 的指派。
       *[other] { $actor } 將 { $request } 指派給 { $assignee }。
    }
story-service-request-escalated = { $actor } 將 { $customer } 的 { $request } 向上呈報。
story-user-invitation-resent = { $actor } 重新傳送了給 { $email } 的邀請。
story-user-invitation-revoked = { $actor } 撤銷了給 { $email } 的邀請。
story-customer-password-reset = { $actor } 給了 { $customer } 的 { $userName } 新的臨時密碼。
