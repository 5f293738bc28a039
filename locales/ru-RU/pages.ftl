# Partnerdesk — the portal's pages. Buttons, menu items and step names follow the interface
# glossary (GLOSSARY.md). Messages explaining refused values are in api.ftl (error-*).

## Shell

app-name = Partnerdesk
skip-to-content = Перейти к основному содержимому
nav-label = Главное меню
nav-customers = Клиенты
header-signed-in-as = Вы вошли как { $name }
header-sign-out = Выйти
header-language = Язык
header-change-language = Изменить язык
optional = (необязательно)
choose = Выберите…
none-value = —
page-title = { $page } – Partnerdesk

## Sign-in

sign-in-title = Войти
sign-in-intro = Войдите в Partnerdesk, указав рабочий адрес электронной почты и пароль.
sign-in-email = Электронная почта
sign-in-password = Пароль
sign-in-button = Войти
sign-in-failed = Неверный адрес электронной почты или пароль.
sign-in-locked = Слишком много неудачных попыток входа. Повторите попытку через { $minutes ->
    [one] { $minutes } минуту
    [few] { $minutes } минуты
    [many] { $minutes } минут
   *[other] { $minutes } минуты
}.
sign-in-signed-out = Вы вышли из системы.
sign-in-session-ended = Ваш сеанс завершен. Чтобы продолжить, войдите снова.
form-expired = Срок действия формы истек. Проверьте значения и отправьте форму еще раз.

## Customers

customers-title = Клиенты
customers-add = Добавить клиента
customers-search = Поиск
customers-search-text = Название компании или домен содержит
customers-search-button = Найти
customers-search-clear = Сбросить фильтры
customers-column-company = Название компании
customers-column-domain = Домен
customers-column-country = Страна или регион
customers-column-reseller = Непрямой реселлер
customers-column-created = Дата создания
customers-direct = Прямая продажа
customers-empty-title = Клиентов пока нет
customers-empty-text = Добавьте первого клиента за три шага: сведения об учетной записи, подписки и проверка.
customers-no-match = Ни один клиент не соответствует этому поиску и фильтрам.
customers-filters = Фильтры
customers-filter-any = Любой
customers-filter-from = Создан с
customers-filter-to = Создан по
customers-filter-holding = Подписки
customers-filter-subscriptions = Есть подписки
customers-filter-suspended = Есть приостановленные подписки
customers-filter-country = Выберите страну или регион из списка.
customers-filter-date = Введите дату, например { $example }.
customers-filter-reseller = Выберите непрямого реселлера из списка.
customers-page-size = На странице
customers-export = Экспорт в CSV
customers-range = { $first }–{ $last } из { $total }
customers-range-more = { $first }–{ $last } из более чем { $total }
customers-column-licences = Активные лицензии
customers-column-next-end = Окончание срока
customers-pages = Страницы клиентов
customers-previous-page = Предыдущая страница
customers-next-page = Следующая страница

## A customer

customer-back = Назад к клиентам
customer-profile = Профиль
customer-id = Идентификатор клиента
customer-domain = Домен
customer-created = Дата создания
customer-address = Адрес
customer-contact = Основное контактное лицо
customer-email = Электронная почта
customer-phone = Номер телефона
customer-culture = Языковой стандарт и язык
customer-registration = Регистрационный номер организации
customer-reseller = Непрямой реселлер
customer-admin = Имя пользователя администратора
customer-agreement = Клиентское соглашение
customer-agreement-none = Принятие клиентского соглашения не зарегистрировано.
customer-agreement-signer = Кем принято
customer-agreement-date = Дата подписания
customer-agreement-type = Соглашение
customer-agreement-recorded = Дата регистрации
customer-subscriptions = Подписки
customer-subscriptions-none = У этого клиента пока нет подписок.
customer-add-subscriptions = Добавить подписки
customer-ordered = Заказ оформлен. Его подписки указаны ниже.
order-title = Добавить подписки
order-heading = Добавление подписок для { $company }
subscription-offer = Предложение
subscription-licenses = Лицензии
subscription-status = Состояние
subscription-created = Дата создания
subscription-commitment-end = Окончание срока обязательства
status-active = Активна
status-suspended = Приостановлена
status-deleted = Удалена
status-expired = Истекла
subscription-title = Подписка
subscription-back = Назад к { $company }
subscription-details = Сведения
subscription-friendly-name = Название
subscription-parent = Надстройка для
subscription-parent-link = Родительская подписка
subscription-manage = Лицензии и состояние
subscription-new-quantity = Количество лицензий
subscription-range = От { $min } до { $max } лицензий
subscription-change-quantity = Изменить количество
subscription-suspend = Приостановить
subscription-reactivate = Возобновить
subscription-suspend-hint = При приостановке подписки приостанавливаются и ее надстройки.
subscription-suspended-hint = Подписка приостановлена: возобновите ее, чтобы менять количество лицензий или покупать надстройки.
subscription-add-ons = Надстройки
subscription-add-ons-none = Для этой подписки надстройки не приобретались.
subscription-buy-add-on = Купить надстройку
subscription-add-on = Надстройка
subscription-buy = Купить надстройку
subscription-done-quantity = Количество лицензий изменено.
subscription-done-suspend = Подписка приостановлена.
subscription-done-reactivate = Подписка возобновлена.
subscription-done-add-on = Надстройка приобретена.
subscription-plan-label = Срок и оплата
plan-p1m-monthly = Один месяц, ежемесячная оплата
plan-p1y-monthly = Один год, ежемесячная оплата
plan-p1y-annual = Один год, ежегодная оплата
plan-p3y-monthly = Три года, ежемесячная оплата
plan-p3y-annual = Три года, ежегодная оплата
plan-p3y-triennial = Три года, оплата вперёд
subscription-refundable-label = Лицензии, которые можно убрать
subscription-refundable = { $count } до { $date }
subscription-refundable-none = Нет: лицензию можно убрать только в течение 7 дней после добавления
subscription-cancel-until-label = Можно отменить до
subscription-cancel-closed = Уже нельзя: подписку можно отменить только в течение 7 дней после покупки или продления
subscription-cancel = Отменить подписку
subscription-done-cancel = Подписка отменена.
subscription-auto-renew-label = Продлевается в конце срока
subscription-next-term = Следующий срок
subscription-next-term-hint = Что будет у подписки после продления, по цене, действующей на тот момент. Изменение числа лицензий сейчас, отключение автопродления или отмена удаляют это изменение.
subscription-next-quantity = Лицензии со следующего срока
subscription-next-plan = Срок и оплата со следующего срока
subscription-next-term-schedule = Запланировать на следующий срок
subscription-next-term-clear = Удалить запланированное изменение
subscription-next-term-words = { $licenses }, { $plan }
subscription-done-next-term = Изменение запланировано на следующий срок.
subscription-done-next-term-clear = Изменение, запланированное на следующий срок, удалено.
subscription-auto-renew-on = Да
subscription-auto-renew-off = Нет: завершится вместе со сроком
subscription-turn-off-auto-renew = Отключить автопродление
subscription-turn-on-auto-renew = Включить автопродление
subscription-done-auto-renew-off = Автопродление отключено: подписка завершится вместе со сроком.
subscription-done-auto-renew-on = Автопродление включено.
subscription-changed-meanwhile = Кто-то изменил эту подписку, пока она была у вас открыта. Проверьте количество лицензий и состояние и повторите попытку.

## The "Add customer" wizard

wizard-title = Добавление нового клиента
wizard-steps = Ход выполнения
wizard-step-current = текущий шаг
step-account = Сведения об учетной записи
step-subscriptions = Подписки
step-review = Проверка
fieldset-company = Сведения о компании
fieldset-contact = Основное контактное лицо
fieldset-domain = Домен
fieldset-agreement = Клиентское соглашение
fieldset-reseller = Непрямой реселлер
label-company-name = Название компании
label-country = Страна или регион
label-address-line1 = Адрес, строка 1
label-address-line2 = Адрес, строка 2
label-city = Город
label-state = Штат или провинция
label-postal-code = Почтовый индекс
label-phone = Номер телефона
label-registration = Регистрационный номер организации
label-culture = Формат дат и чисел
label-language = Язык
label-first-name = Имя
label-last-name = Фамилия
label-email = Электронная почта
label-domain-prefix = Префикс домена
label-agreement-accepted = Клиент принял клиентское соглашение
label-signer-first-name = Имя подписавшего лица
label-signer-last-name = Фамилия подписавшего лица
label-signer-email = Электронная почта подписавшего лица
label-signer-phone = Номер телефона подписавшего лица
label-date-agreed = Дата подписания
label-reseller = Продажа через
option-no-reseller = Без непрямого реселлера (прямая продажа)
hint-country = Сначала выберите страну: от нее зависит, какие сведения обязательны.
hint-postal-required = Обязательно в этой стране, в виде, например, { $example }.
hint-postal-optional = Необязательно в этой стране.
hint-registration = Обязательно для компаний из этой страны. Пример: { $sample }
hint-registration-none = Не используется в этой стране: оставьте поле пустым.
hint-phone-required = Обязательно для компаний из этой страны.
hint-culture = Форматы дат и чисел для клиента; по умолчанию — форматы страны.
hint-language = Язык клиента; по умолчанию — язык страны.
hint-domain = Только буквы a–z и цифры 0–9, не более 27 символов. Изменить домен позже будет нельзя.
hint-date = День, когда клиент принял соглашение, — не позднее сегодняшнего.
hint-reseller = Клиент будет связан с этим реселлером.
agreement-read = Ознакомиться с клиентским соглашением
apply-country = Применить правила страны
domain-check = Проверить доступность
domain-available = Домен { $domain } доступен.
domain-taken = Домен { $domain } уже используется. Выберите другой префикс.
domain-invalid = Введите допустимый префикс, чтобы проверить его.
subscriptions-intro = Выберите предложения для { $company } и укажите количество лицензий для каждого из них.
subscriptions-country = Доступные предложения: { $country }
subscriptions-range = От { $min } до { $max }
subscriptions-licenses = Количество лицензий
subscriptions-add-ons = Надстройки можно приобрести на странице клиента, когда у него появятся подписки.
subscriptions-none = В этой стране нет доступных предложений.
review-intro = Проверьте данные и создайте клиента. Чтобы изменить раздел, нажмите «Обновить».
review-account = Сведения об учетной записи
review-subscriptions = Подписки
review-agreement-accepted = Принято: { $name }, { $date }
review-licenses = { $count ->
    [one] { $count } лицензия
    [few] { $count } лицензии
    [many] { $count } лицензий
   *[other] { $count } лицензии
}
review-domain = { $domain }
review-submit-note = При создании клиента будут созданы его организация, администратор, запись о принятии соглашения и подписки.
button-next-subscriptions = Далее: подписки
button-back = Назад
button-next-review = Далее: проверка
button-update = Обновить
button-submit = Отправить
button-create-customer = Создать клиента
button-done = Готово
button-copy = Копировать
button-copied = Скопировано
error-summary-title = { $count ->
    [one] На этой странице { $count } ошибка
    [few] На этой странице { $count } ошибки
    [many] На этой странице { $count } ошибок
   *[other] На этой странице { $count } ошибки
}
error-summary-item = { $field }: { $message }
confirmation-title = Клиент создан
confirmation-intro = Для компании { $company } созданы организация { $domain }, подписки и учетная запись администратора.
confirmation-username = Имя пользователя администратора
confirmation-password = Временный пароль
confirmation-warning = Скопируйте пароль сейчас: он больше не будет показан. Администратор клиента должен будет изменить его при первом входе.
confirmation-password-gone = Пароль показывается только один раз — в сеансе, в котором был создан клиент. Попросите агента администратора задать новый пароль для администратора клиента.

## Error pages

page-not-found-title = Страница не найдена
page-not-found-text = Эта страница не существует, или у вас нет к ней доступа.
page-forbidden-title = Вы не можете выполнить это действие
page-forbidden-text = Ваша роль не позволяет выполнить это действие. Обратитесь к агенту администратора вашей организации.
page-error-title = Произошла ошибка
page-error-text = Не удалось отобразить страницу. Повторите попытку; если ошибка повторится, укажите идентификатор корреляции { $correlation }.
page-unavailable-text = Служба временно недоступна. Повторите попытку через некоторое время.
page-go-customers = Перейти к клиентам

nav-activity = Журнал
activity-title = Журнал действий
activity-export = Экспорт в CSV
activity-action = Действие
activity-all-actions = Все действия
activity-actor = Пользователь
activity-from = С
activity-to = По
activity-filter = Применить фильтр
activity-date-invalid = Введите дату в формате ГГГГ-ММ-ДД.
activity-all-customers = Все действия партнера
activity-none = Нет действий, соответствующих этим фильтрам.
activity-when = Время
activity-older = Более ранние записи
activity-channel-api = API
activity-channel-portal = Портал
activity-channel-customer-portal = Портал клиента
activity-channel-cli = Команда на сервере
activity-customer-created = Клиент добавлен
activity-billing-profile-updated = Платежный профиль изменен
activity-agreement-attested = Принятие клиентского соглашения зарегистрировано
activity-order-placed = Заказ оформлен
activity-subscription-quantity-changed = Количество лицензий изменено
activity-subscription-suspended = Подписка приостановлена
activity-subscription-reactivated = Подписка возобновлена
activity-subscription-cancelled = Подписка отменена
activity-subscription-renewed = Подписка продлена
activity-subscription-expired = Подписка истекла
activity-subscription-next-term-changed = Следующий срок изменен
activity-subscription-auto-renew-changed = Автопродление изменено
activity-signed-in = Вход в систему
activity-user-created = Пользователь добавлен
activity-password-set = Пароль задан
activity-token-created = Создан токен API

nav-users = Пользователи
nav-tokens = Токены API
users-title = Пользователи
users-invited = Пользователь приглашен. Отправьте ему эту ссылку для установки пароля; она действует один раз в течение 7 дней:
users-link-once = Эта ссылка показывается только сейчас.
users-email = Электронная почта
users-name = Имя
users-no-name = Имя не указано
users-role = Роль
users-status = Состояние
users-you = вы
users-role-of = Роль пользователя { $email }
users-save = Сохранить роль
users-active = Активен
users-inactive = Отключен
users-deactivate = Отключить
users-reactivate = Включить
users-invite = Пригласить пользователя
users-invite-button = Пригласить
role-admin-agent = Агент-администратор
role-sales-agent = Агент по продажам
role-helpdesk-agent = Агент службы поддержки
role-billing-admin = Администратор выставления счетов
set-password-title = Установка пароля
set-password-intro = Выберите пароль для { $email }.
set-password-new = Новый пароль
set-password-hint = Не менее 12 символов.
set-password-confirm = Повторите новый пароль
set-password-button = Установить пароль
set-password-invalid = Эта ссылка уже использована или устарела. Попросите агента-администратора вашей организации пригласить вас снова.
sign-in-password-set = Пароль установлен. Войдите с ним.
tokens-title = Токены API
tokens-intro = Токены API позволяют программам вызывать API Partnerdesk от вашего имени: передайте токен в заголовке «Authorization: Bearer <токен>».
tokens-created = Ваш новый токен API:
tokens-once = Скопируйте его сейчас: он показывается только один раз.
tokens-none = Токенов API пока нет.
tokens-name = Название
tokens-user = Пользователь
tokens-created-on = Создан
tokens-revoked-on = Отозван { $date }
tokens-revoke = Отозвать
tokens-revoke-named = Отозвать { $name }
tokens-new = Создание токена API
tokens-name-hint = Для чего нужен токен, например название программы, которая его использует.
tokens-create = Создать токен
activity-token-revoked = Токен API отозван
activity-user-invited = Пользователь приглашен
activity-user-role-changed = Роль изменена
activity-user-deactivated = Пользователь отключен
activity-user-reactivated = Пользователь включен

customer-sign-in-title = Вход для клиентов
customer-sign-in-intro = Войдите с учетной записью администратора вашей организации: именем пользователя и паролем, которые вам передал партнер.
customer-sign-in-user-name = Имя пользователя
customer-password-title = Смена пароля
customer-password-forced = Прежде чем продолжить, замените временный пароль собственным.
customer-password-current = Текущий пароль
customer-password-button = Сменить пароль
customer-home-title = Ваша организация
customer-invitation-accepted = Вы приняли приглашение: теперь это один из ваших партнеров.
customer-invitation-declined = Вы отклонили приглашение.
customer-invitation-title = Приглашение от партнера
customer-invitation-from = { $partner } просит стать реселлером для вашей организации.
customer-invitation-through = Вы будете покупать через его непрямого реселлера { $reseller }.
customer-invitation-dap = Также запрашивается делегированный административный доступ к вашей организации.
customer-invitation-expires = Приглашение действует до { $date }.
customer-invitation-accept = Принять
customer-invitation-decline = Отклонить
customer-invitation-invalid = Это приглашение не существует, устарело или на него уже ответили.
customer-invitations = Приглашения
customer-partners = Ваши партнеры
customer-partner = Партнер
customer-partner-since = С
relationship-title = Запрос отношений реселлера
relationship-intro = Отправьте существующему клиенту ссылку, с помощью которой его администратор примет вас в качестве реселлера. После принятия клиент появится в вашем списке клиентов.
relationship-link = Отправьте эту ссылку администратору клиента; она действует 30 дней:
relationship-email-label = Текст письма
relationship-new = Новый запрос
relationship-dap = Также запросить делегированный административный доступ
relationship-create = Создать ссылку
activity-relationship-requested = Запрошены отношения реселлера
activity-relationship-accepted = Отношения реселлера приняты
activity-relationship-declined = Отношения реселлера отклонены
relationship-email =
    Здравствуйте!

    { $partner } хочет стать реселлером для вашей организации.

    Чтобы принять приглашение, откройте эту ссылку и войдите с учетной записью администратора вашей организации:
    { $link }

    Ссылка действует 30 дней.

    С уважением,
    { $partner }
nav-resellers = Реселлеры
resellers-title = Ваши непрямые реселлеры
resellers-invited = Реселлер добавлен. Отправьте эту ссылку его агенту-администратору для установки пароля; она действует один раз в течение 7 дней:
resellers-none = У вас пока нет непрямых реселлеров.
resellers-name = Реселлер
resellers-mpn = Идентификатор партнера
resellers-invite = Пригласить реселлера
resellers-admin-email = Электронная почта его агента-администратора
activity-reseller-invited = Реселлер приглашен
activity-customer-price-rule-changed = Правило цен для клиентов изменено

## Flash messages and confirmations
tokens-revoked-notice = Токен отозван: программы, которые его использовали, больше не могут обращаться к API.
users-role-saved = Роль сохранена.
users-deactivated-notice = Пользователь деактивирован: он больше не может входить в систему и использовать свои токены API.
users-reactivated-notice = Пользователь снова активен.
customer-password-changed = Ваш пароль изменён.
wizard-cancelled = Новый клиент отменён.
wizard-cancel = Отмена
confirm-title = Подтвердите действие
confirm-cancel = Отмена
confirm-suspend = Приостановить { $offer } для { $company }? Пользователи потеряют доступ, активные надстройки будут приостановлены вместе с подпиской. Оплата во время приостановки продолжается.
confirm-suspend-button = Приостановить
confirm-cancel-subscription = Отменить { $offer } для { $company }? Неиспользованные дни будут возмещены, дополнения отменятся вместе с ней, и возобновить её будет нельзя.
confirm-cancel-subscription-button = Отменить подписку
confirm-lower = Уменьшить число лицензий { $offer } для { $company } с { $from } до { $to }? Пользователи сверх нового количества потеряют лицензии.
confirm-lower-button = Уменьшить число лицензий
confirm-revoke = Отозвать токен API { $name }? Программы, которые его используют, больше не смогут обращаться к API.
confirm-revoke-button = Отозвать токен
confirm-deactivate = Деактивировать { $email }? Пользователь больше не сможет входить в систему и использовать свои токены API. Позже его можно снова активировать.
confirm-deactivate-button = Деактивировать
confirm-discard = Отменить создание клиента? Всё введённое в мастере будет потеряно; ничего ещё не создано.
confirm-discard-button = Отменить создание

## Charge types

charge-new = Покупка
charge-renew = Продление
charge-cycle-charge = Плата за период
charge-add-quantity = Лицензии добавлены
charge-remove-quantity = Лицензии удалены
charge-move-quantity = Перенос лицензий
charge-cancel-immediate = Возврат при отмене
charge-convert = Преобразование
charge-change-billing-plan = Изменение плана оплаты
charge-customer-credit = Кредит
charge-extend-term = Продление срока

## Billing

nav-billing = Счета
billing-title = Счета и оплата
billing-invoices = Счета
billing-no-invoices = Счетов пока нет: начисления месяца становятся счетом при закрытии месяца.
billing-invoice-number = Счет
billing-period = Период
billing-invoice-date = Дата счета
billing-lines = Строки
billing-subtotal = Промежуточный итог
billing-tax = Налог
billing-total = Итого
billing-unbilled = Еще не выставленные начисления
billing-currency = Валюта
billing-show = Показать
billing-unbilled-intro = Начисления этого месяца на данный момент по вашей себестоимости. Они войдут в счет следующего месяца.
billing-no-unbilled = В этом месяце нет начислений в этой валюте.
billing-unbilled-total = Итого на данный момент: { $amount }
billing-more-lines = Показаны только первые 2 000 строк.
billing-invoice-title = Счет
billing-invoice-heading = Счет { $number }
billing-lines-by-customer = Строки по клиентам
billing-product = Продукт
billing-charge = Начисление
billing-dates = Даты
billing-quantity = Количество
billing-amount = Сумма
prices-title = Прайс-лист и цены для клиентов
prices-intro = Ваша себестоимость каждого предложения за весь срок, рекомендованная розничная цена и цена для ваших клиентов по вашим правилам. Цены без налогов; подписка сохраняет цену до продления.
prices-market = Рынок
prices-rules = Правила цен для клиентов
prices-rules-intro = Правило для предложения важнее правила по умолчанию; правило на вкладке «Счета» клиента важнее обоих. Новые правила применяются к новым покупкам и продлениям.
prices-default-rule = Ваше правило по умолчанию
prices-rule-builtin = Рекомендованная розничная цена, если есть, иначе себестоимость
prices-rule-inherit = Ваше правило по умолчанию
prices-rule-erp = Рекомендованная розничная цена
prices-rule-percent = Процент к себестоимости
prices-percent-label = Процент к себестоимости
prices-save = Сохранить
prices-none = На этом рынке нет предложений с ценами.
prices-plan = Срок и оплата
prices-cost = Ваша себестоимость
prices-erp = Рекомендованная цена
prices-customer-price = Цена для клиента
prices-margin = Маржа
prices-rule = Примененное правило
prices-offer-rules = Правила для предложений
prices-offer-rules-intro = Задайте правило для предложения, чтобы назначить ему цену отдельно от правила по умолчанию.
prices-saved-notice = Правило цен для клиентов сохранено.
prices-source-default = Встроенное: розничная цена или себестоимость
prices-source-partner = Ваше правило по умолчанию
prices-source-offer = Правило предложения
prices-source-customer = Правило клиента
prices-source-customer-offer = Правило клиента для предложения
customer-billing-title = Счета клиента
customer-billing-back = Назад к { $company }
customer-billing-back-billing = Назад к счетам { $company }
customer-billing-heading = Счета: { $company }
customer-billing-rule = Правило цен для этого клиента
customer-billing-rule-intro = Правило, заданное здесь, важнее правила по умолчанию и правил предложений для всех следующих покупок клиента и продлений.
customer-billing-margins = Подписки в текущем сроке
customer-billing-margins-intro = Ваша себестоимость и цена для клиента за весь срок каждой подписки при текущем количестве лицензий. Клиент никогда не видит вашу себестоимость и маржу.
customer-billing-no-priced = Нет подписок с ценой.
customer-billing-invoices = Счета этому клиенту
subscriptions-plan = { $plan }: { $price } за лицензию на весь срок
subscriptions-plan-with-cost = { $plan }: { $price } за лицензию на весь срок (ваша себестоимость { $cost })
customer-back-home = Назад на главную страницу
customer-invoice-from = От
customer-no-invoices = Счетов пока нет: счета ваших партнеров появляются здесь при закрытии месяца.
billing-download-csv = Скачать CSV
billing-download-pdf = Скачать PDF
pdf-from = От
pdf-to = Кому
users-link-mailed = Пользователь также получит письмо с собственной ссылкой.
relationship-send-to = Email администратора клиента (необязательно)
relationship-send-to-hint = Мы отправим запрос на этот адрес с собственной ссылкой.
activity-user-invitation-resent = Приглашение отправлено повторно
activity-user-invitation-revoked = Приглашение отозвано
activity-customer-password-reset = Пароль клиента сброшен
users-invited-until = Приглашен, ссылка действует до { $date }
users-invitation-expired = Приглашен, срок действия ссылки истек
users-invitation-revoked = Приглашение отозвано
users-resend = Отправить снова
users-revoke = Отозвать приглашение
users-revoked = Приглашение отозвано: его ссылки больше не действуют.
users-role-help-admin-agent = Администратор: все, включая пользователей, токены и цены.
users-role-help-sales-agent = Агент по продажам: добавляет клиентов, оформляет заказы и изменяет подписки, просматривает цены и поддержку.
users-role-help-helpdesk-agent = Агент службы поддержки: работает с запросами на обслуживание, изменяет профили выставления счетов и подписки.
users-role-help-billing-admin = Администратор выставления счетов: счета, цены и правила цен для клиентов.
relationship-reseller-hint = Прямая продажа: клиент покупает у вас. Реселлер: клиент покупает у этого реселлера, а тот — у вас.
relationship-dap-hint = Делегированный административный доступ позволяет вашим администраторам и агентам службы поддержки управлять пользователями, лицензиями и настройками клиента от его имени.
relationship-sent = Прежние запросы
relationship-sent-none = Вы ещё не запрашивали отношения.
relationship-col-sent = Создан
relationship-col-dap = Делегированный административный доступ
relationship-col-sent-to = Отправлен на
relationship-col-status = Статус
relationship-col-customer = Клиент
relationship-dap-asked = Запрошен
relationship-dap-not-asked = Не запрошен
relationship-not-mailed = Только ссылка
relationship-state-sent = Отправлен, действует до { $date }
relationship-state-accepted = Принят { $date }
relationship-state-declined = Отклонён { $date }
relationship-state-expired = Истёк { $date }
