# Partnerdesk — messages of the REST API and of every validation rule.
# The rule messages (error-*) also appear next to form fields in the portal, so they
# never name the field themselves.

## Validation rules

error-required = Это значение обязательно.
error-too-long = Длина не должна превышать { $max ->
    [one] { $max } символ
    [few] { $max } символа
    [many] { $max } символов
   *[other] { $max } символа
}.
error-single-character = Название компании должно содержать более одного символа.
error-no-letters-or-digits = Используйте буквы или цифры, а не только знаки препинания или пробелы.
error-legal-form-only = Введите название компании, а не только ее организационно-правовую форму (например, ООО или АО).
error-country-unknown = { $suggestion ->
    [none] Укажите двухбуквенный код страны по ISO 3166, например US или FR.
   *[other] Для этой страны используйте код ISO 3166 { $suggestion }.
}
error-state-unknown = Укажите штат или провинцию выбранной страны.
error-postal-code-format = Этот почтовый индекс не соответствует формату, принятому в выбранной стране, например { $example }.
error-phone-invalid = Введите номер телефона, действительный в выбранной стране, или международный номер, начинающийся с +.
error-phone-required-in-country = Компании из выбранной страны должны указать номер телефона.
error-email-invalid = Введите адрес электронной почты, например name@example.com.
error-email-at-partner-domain = Используйте собственный адрес электронной почты клиента, а не адрес в домене вашей организации.
error-registration-number-required = Компании из выбранной страны должны указать регистрационный номер организации.
error-registration-number-invalid = Регистрационный номер организации не соответствует ожидаемому формату, например { $sample }.
error-registration-number-not-accepted = Не указывайте регистрационный номер организации: в выбранной стране он не используется.
error-culture-unsupported = Выберите один из языковых стандартов, поддерживаемых в выбранной стране.
error-language-unsupported = Выберите один из языков, поддерживаемых в выбранной стране.
error-domain-prefix-characters = Используйте только буквы a–z и цифры 0–9, без пробелов, точек и дефисов.
error-domain-suffix = Домен должен оканчиваться на { $suffix }; можно также указать только префикс.
error-domain-taken = Этот домен уже используется. Выберите другой префикс.
error-agreement-not-accepted = Подтвердите, что клиент принял клиентское соглашение.
error-date-in-future = Дата соглашения не может быть позже сегодняшней.
error-date-invalid = Введите дату в формате YYYY-MM-DD не ранее 2000 года.
error-agreement-template-unknown = Используйте идентификатор шаблона текущей версии соглашения.
error-agreement-type-unknown = Используйте тип соглашения MicrosoftCustomerAgreement или MicrosoftCloudAgreement.
error-agreement-already-confirmed = Это контактное лицо уже подтвердило соглашение для данного клиента.
error-agreement-required = Клиент должен принять клиентское соглашение, прежде чем вы сможете разместить заказ.
error-agreement-not-offered = Подтверждение соглашения недоступно в этом облаке.
error-offer-unknown = Это предложение отсутствует в каталоге.
error-offer-not-in-country = Это предложение недоступно в стране клиента.
error-offer-not-purchasable = Это предложение сейчас недоступно для покупки.
error-quantity-out-of-range = Введите количество лицензий от { $min } до { $max }.
error-quantity-not-a-number = Введите количество лицензий целым числом.
error-no-line-items = Выберите хотя бы одно предложение.
error-too-many-line-items = Максимальное количество позиций в заказе: { $max }.
error-addon-needs-parent = Для надстройки требуется идентификатор подписки, для которой она приобретается.
error-addon-not-related = Эту надстройку нельзя приобрести для подписки на это предложение.
error-parent-not-active = Подписка, для которой предназначена эта надстройка, должна быть активной.
error-parent-not-found = У этого клиента нет подписки, для которой предназначена эта надстройка.
error-not-an-addon = Для родительской подписки приобретаются только надстройки.
error-subscription-quantity-out-of-range = В этой подписке может быть от { $min } до { $max } лицензий.
error-quantity-while-suspending = Количество лицензий нельзя изменить в том же запросе, который приостанавливает подписку.
error-subscription-suspended = Подписка приостановлена: возобновите ее, прежде чем менять количество лицензий.
error-status-unsupported = Допустимы только состояния «active», «suspended» и «deleted» (для отмены).
error-subscription-deleted = Эта подписка удалена, и ее нельзя изменить.
error-subscription-expired = Срок этой подписки закончился без продления: она истекла, и ее нельзя изменить. Закажите предложение снова, чтобы купить его заново.
error-next-term-needs-auto-renew = Изменение на следующий срок можно запланировать только для подписки, которая продлевается: сначала включите автопродление.
error-parent-not-in-order = Подписка, для которой предназначена эта надстройка, относится к другому заказу.
error-only-add-ons = В существующий заказ можно добавлять только надстройки; для этого предложения оформите новый заказ.
error-last-admin = В вашей организации должен оставаться хотя бы один активный агент-администратор: сначала назначьте агентом-администратором другого пользователя.
error-role-unknown = Выберите одну из ролей.
error-password-too-short = Используйте не менее { $min } символов.
error-password-mismatch = Пароли не совпадают: введите один и тот же пароль дважды.
error-password-wrong = Текущий пароль неверен.
error-password-same = Выберите пароль, отличный от текущего.
error-email-taken = Пользователь с этим адресом электронной почты уже существует.
error-reseller-unknown = Выберите одного из ваших активных непрямых реселлеров.
error-indirect-model-unavailable = Непрямые реселлеры недоступны в этом облаке.
error-partner-on-record-is-provider = Используйте идентификатор партнера непрямого реселлера, а не свой собственный.
error-invalid-id = Недопустимый идентификатор.
error-country-cannot-change = Страну клиента изменить нельзя.
error-term-unknown = Выберите срок P1M (один месяц), P1Y (один год) или P3Y (три года).
error-billing-plan-unknown = Выберите план оплаты monthly (ежемесячно), annual (ежегодно) или triennial (за три года).
error-billing-plan-not-for-term = План оплаты { $plan } недоступен для срока { $term }.
error-no-price-in-effect = У этого предложения нет цены для этого срока и плана оплаты на рынке и в валюте клиента.
error-seat-reduction-window-passed = Истёк { $hours }-часовой срок для уменьшения числа лицензий: { $refundable ->
    [0] сейчас нельзя убрать ни одной лицензии.
    [one] можно убрать ещё { $refundable } лицензию.
    [few] можно убрать ещё { $refundable } лицензии.
   *[other] можно убрать ещё { $refundable } лицензий.
}
error-cancellation-window-passed = Истёк { $hours }-часовой срок отмены: подписка оплачивается до конца срока.
error-quantity-while-cancelling = Количество лицензий нельзя изменить в том же запросе, который отменяет подписку.
error-auto-renew-not-offered = Это предложение не продлевается автоматически.
error-quantity-change-invalid = Уберите меньше лицензий, чем есть в подписке; чтобы убрать все, отмените её.
error-date-outside-cycle = Срок этой подписки истёк: её можно будет изменить после продления.
error-amount-overflow = Эта сумма слишком велика.
error-amount-invalid = Введите число, например 15 или 12.5.
error-markup-out-of-range = Укажите наценку от 0 до { $max } процентов.
error-erp-missing = У этого предложения нет рекомендованной розничной цены: задайте процент к себестоимости.

## API errors

api-fields-invalid = { $count ->
    [one] Обнаружено { $count } недопустимое значение:
    [few] Обнаружено { $count } недопустимых значения:
    [many] Обнаружено { $count } недопустимых значений:
   *[other] Обнаружено { $count } недопустимого значения:
}
api-unauthorized = Передайте API-токен в заголовке Authorization: «Authorization: Bearer <token>».
api-token-invalid = API-токен неизвестен или был отозван.
api-forbidden = Ваша роль ({ $role }) не позволяет выполнить это действие.
api-reseller-forbidden = Непрямые реселлеры не могут выполнить это действие: их непрямой поставщик добавляет клиентов, подтверждает соглашения и размещает заказы от их имени.
api-not-found = Запрошенный ресурс не существует.
api-customer-not-found = В вашей организации нет клиента с этим идентификатором.
api-invitation-not-found = Это приглашение не существует или на него уже ответили.
api-user-not-found = В вашей организации нет пользователя с этим идентификатором.
api-link-not-found = Эта ссылка не существует, уже использована или устарела.
api-token-not-found = У вас нет токена API с этим идентификатором.
api-order-not-found = У этого клиента нет доступного вам заказа с этим идентификатором.
api-subscription-not-found = У этого клиента нет доступной вам подписки с этим идентификатором.
api-invoice-not-found = У вас нет счёта с этим номером.
api-offer-not-found = В каталоге нет предложения с этим идентификатором для этой страны.
api-country-rules-not-found = Правила проверки для { $country } не найдены: используйте код ISO 3166 alpha-2, например GB для Великобритании.
api-bad-request = Недопустимый запрос: проверьте его параметры и текст по справочнику API (/docs).
api-route-not-found = Такой конечной точки API не существует. Справочник по API см. в /docs.
api-method-not-allowed = Этот метод HTTP не разрешен для данного ресурса.
api-malformed-json = Текст запроса не является допустимым JSON: { $detail }
api-invalid-value = Значение имеет неверный тип: { $detail }
api-unsupported-media-type = Передайте текст запроса в формате JSON с заголовком «Content-Type: application/json».
api-payload-too-large = Размер текста запроса превышает { $max ->
    [one] { $max } байт
    [few] { $max } байта
    [many] { $max } байт
   *[other] { $max } байта
}.
api-domain-taken = Домен { $domain } уже используется. Выберите другой префикс домена.
api-request-id-reused = Этот MS-RequestId уже использовался для другого запроса. Для нового запроса используйте новый идентификатор.
api-precondition-failed = Ресурс изменился с момента его чтения: прочитайте его снова и повторно внесите изменения.
api-precondition-required = Чтобы изменить ресурс, передайте его etag в заголовке If-Match (или в attributes.etag).
api-too-many-requests = Превышено ограничение частоты запросов. Повторите попытку через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
    [many] { $seconds } секунд
   *[other] { $seconds } секунды
}.
api-internal = На нашей стороне произошла ошибка. Сообщая о ней, укажите идентификатор корреляции { $correlation }.
api-unavailable = Служба временно недоступна. Повторите попытку через некоторое время.
api-relationship-requests-unavailable = Запросы на установление отношений с реселлером недоступны в этом облаке.

## Query parameters

query-size = Укажите размер страницы от 1 до 1000.
query-provider = Используйте provider=onetime: Partnerdesk выставляет счета только за лицензии new commerce.
query-invoice-line-item-type = Используйте invoicelineitemtype=billinglineitems.
query-currency-code = Используйте код валюты ISO 4217, например EUR или USD.
query-period = Используйте period=current или period=previous.
query-line-size = Размер страницы — от 1 до 2000.
query-offset = Укажите смещение, равное 0 или больше.
query-filter = Используйте фильтр, например {"{"}"Field":"CompanyName","Value":"Con","Operator":"starts_with"{"}"}. Поля: CompanyName, Domain, IndirectReseller; единственный оператор — starts_with.
query-continuation = Маркер продолжения недействителен для этого списка: начните заново с первой страницы.
query-seek-operation = Используйте seekOperation=Next с заголовком MS-ContinuationToken предыдущей страницы.
query-relationship-type = Используйте relationship_type=IsIndirectCloudSolutionProviderOf или IsIndirectResellerOf для реселлера.
query-agreement-type = Используйте agreementType=MicrosoftCustomerAgreement, MicrosoftCloudAgreement или *.
query-order-id = Недопустимый идентификатор заказа.
query-reseller-not-provider = Указывать непрямого реселлера могут только непрямые поставщики.
query-reseller-unknown = Это не один из ваших активных непрямых реселлеров.
query-date = Укажите время в формате RFC 3339 (2026-11-22T10:00:00Z) или дату (2026-11-22).
query-customer-id = Недопустимый идентификатор клиента.
query-operation-type = Неизвестный тип операции: используйте customer-created, billing-profile-updated, agreement-attested, order-placed, subscription-quantity-changed, subscription-suspended, subscription-reactivated, signed-in, user-created, password-set или token-created.
error-self-deactivation = Нельзя деактивировать самого себя: обратитесь к другому агенту-администратору.
error-attachment-too-large = Прикрепляйте файлы размером не более { $max } МБ каждый.
error-attachment-type-refused = Прикрепляйте только файлы этих типов, содержимое которых соответствует имени: { $types }.
error-attachment-empty = Этот файл пуст: прикрепите файл с содержимым.
error-too-many-attachments = Прикрепите не более { $max } файлов.
error-subscription-unknown = Выберите одну из подписок клиента, проданную партнером, которому адресован запрос.
error-subscription-of-other-partner = Эту подписку продает другой партнер: выберите этого партнера или оставьте поле партнера пустым.
