# The activity log told as sentences: one per action, with the names of what it concerns.
activity-what = Что произошло
activity-via = Канал
activity-filter-customer = Клиент
activity-filtered-on = Показаны только записи с условиями:
story-a-customer = клиента
story-customer-created = { $actor } добавил(а) клиента { $customer }.
story-billing-profile-updated = { $actor } изменил(а) платежный профиль клиента { $customer }: { $fields }.
story-agreement-attested = { $actor } записал(а), что { $signer } принял(а) клиентское соглашение от имени { $customer }.
story-order-placed = { $actor } оформил(а) заказ для { $customer }: { $items }.
story-subscription-quantity-changed = { $actor } { $direction ->
        [up] увеличил(а)
       *[other] уменьшил(а)
    } число лицензий { $offer } для { $customer } с { $from } до { $to }.
story-subscription-suspended = { $actor } приостановил(а) { $offer } для { $customer }.
story-subscription-reactivated = { $actor } возобновил(а) { $offer } для { $customer }.
story-subscription-cancelled = { $actor } отменил(а) { $offer } для { $customer }.
story-subscription-renewed = Подписка { $offer } клиента { $customer } продлена на новый срок с { $start }.
story-subscription-expired = Подписка { $offer } клиента { $customer } истекла { $end }: ее срок закончился без продления.
story-subscription-next-term-changed = { $scheduled ->
    [yes] { $actor } запланировал(а) продление подписки { $offer } клиента { $customer }: { $next }.
   *[no] { $actor } удалил(а) изменение, запланированное для продления подписки { $offer } клиента { $customer }.
}
story-subscription-auto-renew-changed = { $actor } { $on ->
        [true] включил(а)
       *[other] отключил(а)
    } автопродление { $offer } для { $customer }.
story-signed-in = { $actor } выполнил(а) вход.
story-user-created = { $actor } создал(а) пользователя { $email } с ролью «{ $role }».
story-password-set = { $actor } задал(а) пароль пользователя { $email }.
story-token-created = { $actor } создал(а) токен API «{ $name }» для { $user }.
story-token-revoked = { $actor } отозвал(а) токен API «{ $name }» пользователя { $user }.
story-user-invited = { $actor } пригласил(а) { $email } с ролью «{ $role }».
story-user-role-changed = { $actor } сменил(а) роль пользователя { $email } с «{ $from }» на «{ $to }».
story-user-deactivated = { $actor } деактивировал(а) { $email }.
story-user-reactivated = { $actor } снова активировал(а) { $email }.
story-relationship-requested = { $actor } создал(а) запрос на отношения с реселлером{ $dap ->
        [true] {" "}с делегированным администрированием
       *[other] {""}
    }.
story-relationship-accepted = { $customer } принял(а) запрос на отношения с реселлером.
story-relationship-declined = { $customer } отклонил(а) запрос на отношения с реселлером.
story-reseller-invited = { $actor } пригласил(а) непрямого реселлера { $reseller } и его администратора { $adminEmail }.
story-customer-price-rule-changed = { $scope ->
        [customer] { $actor } установил(а) для { $customer } ценовое правило { $rule }.
        [offer] { $actor } установил(а) для { $offer } ценовое правило { $rule }.
       *[other] { $actor } установил(а) ценовое правило по умолчанию { $rule }.
    }
story-support-profile-updated = { $actor } обновил(а) профиль поддержки.
story-service-request-opened = { $actor } открыл(а) { $request } для { $customer }.
story-service-request-note-added = { $actor } добавил(а) { $visibility ->
        [internal] внутреннюю заметку
       *[other] заметку
    } к { $request }.
story-service-request-status-changed = { $actor } сменил(а) состояние { $request } с «{ $from }» на «{ $to }».
story-service-request-assigned = { $assigned ->
        [no] { $actor } снял(а) исполнителя с { $request }.
       *[other] { $actor } назначил(а) { $request } исполнителю { $assignee }.
    }
story-service-request-escalated = { $actor } передал(а) выше { $request } клиента { $customer }.
story-user-invitation-resent = { $actor } повторно отправил(а) приглашение { $email }.
story-user-invitation-revoked = { $actor } отозвал(а) приглашение { $email }.
story-customer-password-reset = { $actor } выдал(а) пользователю { $userName } клиента { $customer } новый временный пароль.
