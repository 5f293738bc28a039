# Partnerdesk — поддержка: профиль поддержки, запросы на обслуживание и их сообщения API.

## Rules
error-severity-unknown = Выберите серьёзность: критическая, средняя или низкая.
error-support-topic-unknown = Выберите одну из тем поддержки.
error-request-status-unknown = Укажите статус open, attention_needed или closed.
error-request-status-same = У запроса уже этот статус.
error-request-status-unsupported = Запрос можно закрыть или открыть снова.
error-phone-not-international = Введите номер в международном формате: + и код страны, например +7 495 123 45 67.
error-website-invalid = Введите веб-адрес, начинающийся с https:// или http://, например https://example.com/support.
error-support-contact-required = Укажите адрес электронной почты или номер телефона, чтобы клиенты могли связаться с вашей поддержкой.
error-assignee-unknown = Выберите одного из ваших активных администраторов или агентов службы поддержки.
error-partner-unknown = Выберите одного из ваших партнёров.
error-escalation-unavailable = Этот запрос нельзя передать: он уже передан, или выше вас передать его некому.

## API
api-service-request-not-found = У вас нет запроса на обслуживание с этим номером.
api-service-request-file-not-found = У этого запроса на обслуживание нет файла с этим номером.
api-support-profile-not-found = Вы ещё не опубликовали профиль поддержки: его публикует PUT /v1/profiles/support.
api-locale-not-found = Укажите один из языков: en-US, zh-TW, zh-CN, fr-FR или ru-RU.
api-service-request-no-change = Отправьте изменение: newNote, status, assignee или escalate вместе с newNote.
api-service-request-one-change = Отправляйте одно изменение за запрос: newNote, status, assignee или escalate вместе с newNote.
api-note-visibility = Укажите видимость заметки: public, partners или internal.
query-request-status = Укажите status=open, status=attention_needed или status=closed.
query-severity = Укажите severity=critical, severity=moderate или severity=minimal.
query-assignee = Укажите assignee=me, assignee=none или идентификатор одного из ваших агентов.
query-overdue = Укажите overdue=true или overdue=false.
query-request-size = Укажите размер страницы от 1 до 200.

## Topics
support-topic-sign-in = Вход в систему
support-topic-sign-in-description = Пользователи не могут войти, пароли, многофакторная проверка подлинности.
support-topic-licenses = Лицензии и подписки
support-topic-licenses-description = Назначение лицензий, количество лицензий, продления.
support-topic-billing = Расчёты и счета
support-topic-billing-description = Вопросы о счёте, начислении или цене.
support-topic-service-outage = Сбой службы
support-topic-service-outage-description = Служба недоступна или работает медленно у нескольких пользователей.
support-topic-configuration = Установка и настройка
support-topic-configuration-description = Настройка доменов, почты, устройств или параметров безопасности.
support-topic-other = Другое
support-topic-other-description = Всё остальное.

## Severities and statuses
severity-critical = Критическая
severity-moderate = Средняя
severity-minimal = Низкая
severity-critical-hint = Критическая: работа остановлена. Первый ответ в течение { $hours } ч.
severity-moderate-hint = Средняя: работа частично нарушена. Первый ответ в течение { $hours } ч.
severity-minimal-hint = Низкая: службы работают, или это не рабочая среда. Первый ответ в течение { $hours } ч.
request-status-open = Открыт
request-status-attention-needed = Ожидает ответа клиента
request-status-closed = Закрыт
customer-request-status-attention-needed = Ожидает вашего ответа

## Activity
activity-support-profile-updated = Профиль поддержки изменён
activity-service-request-opened = Запрос на обслуживание открыт
activity-service-request-note-added = К запросу на обслуживание добавлена заметка
activity-service-request-status-changed = Статус запроса на обслуживание изменён
activity-service-request-assigned = Запрос на обслуживание назначен
activity-service-request-escalated = Запрос на обслуживание передан выше

## The Support workspace
nav-support = Поддержка
support-title = Поддержка
support-intro = Запросы на обслуживание от ваших клиентов и переданные вам.
support-tab-queue = Запросы
support-tab-profile = Профиль поддержки
support-filters = Фильтры
support-filter-status = Статус
support-filter-severity = Серьёзность
support-filter-assignee = Назначен
support-filter-any = Любой
support-assignee-me = Мне
support-assignee-nobody = Никому
support-filter-overdue = Только просроченные
support-filter-apply = Показать
support-col-number = Номер
support-col-title = Заголовок
support-col-customer = Клиент
support-col-severity = Серьёзность
support-col-status = Статус
support-col-assignee = Назначен
support-col-due = Срок
support-col-updated = Изменён
support-none = Нет подходящих запросов на обслуживание.
support-overdue = Просрочен
support-next-page = Следующая страница
support-first-page = Первая страница
support-request-title = Запрос на обслуживание { $number }
support-back = Назад к поддержке
support-opened-by = Открыл
support-opened = Открыт
support-addressed-to = Адресован
support-escalated-to = Передан
support-operator = оператор
support-note-by-operator = { $name } (оператор)
support-topic = Тема
support-first-response-due = Срок первого ответа
support-first-response = Первый ответ
support-resolution-due = Срок решения
support-description = Описание
support-thread = Переписка
support-no-notes = Заметок пока нет.
support-visibility-public = Видна клиенту
support-visibility-partners = Партнёрам и оператору
support-visibility-internal = Только вашей команде
support-note-label = Заметка
support-note-visibility = Кто может прочитать
support-add-note = Добавить заметку
support-note-added = Заметка добавлена.
support-change-status = Изменить статус
support-status-label = Новый статус
support-status-changed = Статус изменён.
support-assign = Назначить
support-assignee-label = Агент
support-assigned = Назначение сохранено.
support-escalate-title = Передать { $provider }
support-escalate-hint = Передайте запрос непрямому поставщику, через которого вы продаёте этому клиенту. Клиент не видит причину.
support-escalate-operator-title = Передать оператору
support-escalate-operator-hint = Передайте запрос оператору этого Partnerdesk (вашему дистрибьютору или производителю), если не можете решить его сами. Оператор читает переписку, кроме ваших внутренних заметок; клиент не видит причину.
support-escalate-reason = Причина
support-escalate = Передать
support-escalated = Запрос передан.
support-new-title = Открыть запрос на обслуживание
support-new-for = От имени { $customer }
support-open = Открыть запрос
support-opened-notice = Запрос на обслуживание открыт.
support-open-for-customer = Открыть запрос на обслуживание
support-customer-requests = Запросы на обслуживание
support-field-title = Заголовок
support-field-description = Описание
support-field-severity = Серьёзность
support-field-topic = Тема
support-field-partner = Партнёр
support-field-partner-hint = Партнёр, который продаёт вам соответствующую подписку.
support-choose = Выберите…
support-profile-title = Профиль поддержки
support-profile-intro = Как ваши клиенты связываются с вашей поддержкой. Они видят это на клиентском портале.
support-profile-email = Почта поддержки
support-profile-telephone = Телефон поддержки
support-profile-telephone-hint = В международном формате, например +7 495 123 45 67.
support-profile-website = Сайт поддержки
support-profile-hours = Часы работы
support-profile-hours-hint = Например, с понедельника по пятницу, 9:00–18:00 МСК.
support-profile-pricing = Стоимость поддержки
support-profile-save = Сохранить профиль
support-profile-saved = Профиль поддержки сохранён.

## The customer portal
customer-support-title = Поддержка
customer-support-intro = Вас поддерживают ваши партнёры. Откройте запрос здесь и следите за ним до решения.
customer-support-contacts = Как связаться с поддержкой
customer-support-no-profile = Этот партнёр ещё не опубликовал контакты поддержки: откройте запрос здесь.
customer-support-requests = Ваши запросы
customer-support-none = Вы ещё не открывали запросов.
customer-support-open = Открыть запрос
customer-support-close = Закрыть запрос
customer-support-reopen = Открыть запрос снова
customer-support-closed-notice = Запрос закрыт.
customer-support-reopened-notice = Запрос открыт снова.
customer-support-waiting = Ваш партнёр ждёт вашего ответа.
customer-support-link = Поддержка

## Mail
mail-service-request-opened-subject = [{ $number }] Новый запрос ({ $severity }) от { $customer }: { $title }
mail-service-request-opened-body = { $customer } открыл запрос на обслуживание { $number }: «{ $title }».
mail-service-request-answered-subject = [{ $number }] Ответ от { $partner }: { $title }
mail-service-request-answered-body = { $partner } ответил на ваш запрос на обслуживание { $number } «{ $title }»:
mail-service-request-waiting-subject = [{ $number }] Ожидается ваш ответ: { $title }
mail-service-request-waiting-body = { $partner } ждёт вашего ответа, чтобы продолжить работу над запросом { $number } «{ $title }». Ответьте на клиентском портале.
mail-service-request-closed-subject = [{ $number }] Закрыт: { $title }
mail-service-request-closed-body = { $partner } закрыл ваш запрос на обслуживание { $number } «{ $title }». Если проблема не решена, откройте его снова на клиентском портале.
mail-service-request-escalated-subject = [{ $number }] Передан от { $partner }: { $title }
mail-service-request-escalated-body = { $partner } передал(а) вам запрос на обслуживание { $number } клиента { $customer } «{ $title }»:
mail-service-request-escalated-to-operator-subject = [{ $number }] Передан оператору от { $partner }: { $title }
mail-service-request-escalated-to-operator-body = { $partner } передал(а) оператору запрос на обслуживание { $number } клиента { $customer } «{ $title }». Прочитайте его командой «partnerdesk support show { $number }» и ответьте командой «partnerdesk support note { $number } --text …». Причина:
mail-service-request-customer-answered-subject = [{ $number }] Ответ от { $customer }: { $title }
mail-service-request-customer-answered-body = { $customer } ответил(а) в запросе на обслуживание { $number } «{ $title }»:
mail-service-request-reopened-subject = [{ $number }] Снова открыт клиентом { $customer }: { $title }
mail-service-request-reopened-body = { $customer } снова открыл(а) запрос на обслуживание { $number } «{ $title }»: проблема не решена.
mail-support-contact = Поддержка { $partner }: { $contact }
mail-open-link = Открыть запрос
mail-footer = Отправлено Partnerdesk. Ответы на этот адрес не читаются: отвечайте на портале.
support-mail-title = Почта
support-mail-intro = Что отправили изменения вашей организации: ответы и запросы клиентам и на ваш адрес поддержки. Неотправленное сообщение отправляется повторно.
support-mail-no-smtp = Почтовый сервер не настроен (smtp_url): сообщения ждут здесь и будут отправлены, когда он появится.
support-mail-none = Писем пока нет.
support-mail-created = Создано
support-mail-to = Кому
support-mail-subject = Тема
support-mail-sent = Отправлено { $at }
support-mail-failed = Ещё не отправлено
support-mail-waiting = Ожидает
mail-user-invitation-subject = { $partner } приглашает вас в Partnerdesk
mail-user-invitation-body = { $partner } пригласил вас ({ $email }) в свой Partnerdesk. Задайте пароль по ссылке ниже; она действует один раз, до { $until }.
mail-set-password-link = Задать пароль
mail-relationship-request-subject = { $partner } хочет стать вашим облачным реселлером
mail-relationship-request-body = { $admin ->
        [yes] { $partner } хочет стать реселлером для вашей организации и запрашивает делегированный административный доступ, чтобы помогать в управлении. Чтобы принять запрос, откройте ссылку ниже и войдите с учетной записью администратора вашей организации. Ссылка действует до { $until }.
       *[no] { $partner } хочет стать реселлером для вашей организации. Чтобы принять запрос, откройте ссылку ниже и войдите с учетной записью администратора вашей организации. Ссылка действует до { $until }.
    }
mail-invitation-link = Просмотреть запрос
mail-invoice-ready-subject = Ваш счет { $number } от { $partner }
mail-invoice-ready-body = Счет { $number } от { $partner } за период { $start-date } – { $end-date } готов. Итого: { $amount }.
mail-invoice-link = Открыть счет
support-field-attachments = Вложения
support-field-attachments-hint = До { $max } файлов по { $mb } МБ каждый: { $types }.
support-attachments = Вложения
support-attachment-size = { $kb } КБ
support-field-subscription = Подписка, к которой относится запрос
support-field-subscription-hint = Запрос получит партнер, который ее продает.
support-subscription = Подписка
