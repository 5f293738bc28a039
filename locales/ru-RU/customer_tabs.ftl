# A customer's page: its tabs, the Account tab's forms and the Users tab.
customer-tabs = Страницы клиента
customer-tab-account = Учетная запись
customer-tab-users = Пользователи
customer-edit-account = Изменить сведения
customer-account-title = Изменение сведений учетной записи
customer-account-country = Страна или регион: { $country }. После создания клиента ее нельзя изменить; почтовые индексы, штаты и номера телефонов проверяются по ее правилам.
customer-account-save = Сохранить изменения
customer-account-saved = Сведения о клиенте сохранены.
customer-account-changed-meanwhile = Пока вы редактировали, кто-то сохранил изменения этого клиента. Форма показывает сохраненные данные: внесите свои изменения еще раз.
customer-agreement-add = Добавить
customer-agreement-form-title = Принятие клиентского соглашения
customer-agreement-form-intro = Укажите, кто и когда принял клиентское соглашение от имени клиента. Вы подтверждаете это от своего имени.
customer-agreement-record = Записать принятие
customer-agreement-saved = Принятие соглашения клиентом записано.
customer-users-intro = Пользователи клиента входят на портал клиента с этими именами пользователей.
customer-user-status = Состояние
customer-user-temporary = Временный пароль: нужно сменить при следующем входе
customer-user-active = Активен
customer-user-never = Никогда
customer-user-last-sign-in = Последний вход
customer-user-actions = Действия
customer-user-reset = Сбросить пароль
customer-user-reset-done = Новый временный пароль; передайте его пользователю по безопасному каналу:
customer-user-reset-once = Он показывается только один раз. Пользователь выведен из всех сеансов и должен выбрать новый пароль при следующем входе.
confirm-reset-password = Выдать { $user } новый временный пароль? Текущий пароль сразу перестанет действовать, а пользователь будет выведен из всех сеансов.
tab-term = Срок и оплата
tab-auto-renew = Продление
tab-auto-renew-off = Нет
tab-add-on = Надстройка
tab-activity-more = Более ранние записи, фильтры и экспорт на странице «Журнал действий»
tab-activity-filter = Отфильтровать или экспортировать действия этого клиента
tab-activity-none = По этому клиенту пока нет действий.
# The API tokens page: when each was last used and when it expires.
tokens-last-used = Последнее использование
tokens-expires = Срок действия
tokens-expires-hint = Токен с истекшим сроком перестает работать в этот день, как отозванный.
tokens-expires-never = Бессрочно
tokens-expires-after = { $days ->
        [one] Через { $days } день
        [few] Через { $days } дня
       *[other] Через { $days } дней
    }
tokens-expired-on = Истек { $date }
# Settings: what a user chooses for themselves.
settings-title = Настройки
settings-zone = Часовой пояс
settings-name = Ваше имя
settings-name-hint = Показывается рядом с вашим адресом на странице «Пользователи».
settings-zone-hint = Время показывается в часовом поясе { $zone }.
settings-zone-browser = Как в браузере
settings-save = Сохранить
settings-saved = Настройки сохранены.
