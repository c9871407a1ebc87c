namespace SampleWarcGenerator.Content;

/// <summary>
/// Original short texts in German, French, Spanish, Russian, Chinese and Japanese, each with its target encoding.
/// Latin-1 texts avoid characters outside ISO-8859-1 (no œ, no typographic quotes).
/// </summary>
internal static class ForeignTexts
{
    public static readonly ForeignText[] All =
    [
        new("de", "nachrichten-nord.example", "stadtbibliothek-verlaengert-oeffnungszeiten", "iso-8859-1", CharsetDeclaration.HeaderOnly,
            "Stadtbibliothek verlängert die Öffnungszeiten",
            [
                "Die Stadtbibliothek öffnet ab dem kommenden Monat auch samstags bis 18 Uhr. Der Stadtrat hat die zusätzlichen Mittel in seiner letzten Sitzung einstimmig bewilligt.",
                "Besonders Schülerinnen und Schüler hatten sich längere Öffnungszeiten gewünscht, weil die Lernplätze unter der Woche oft schon mittags belegt sind. Die Leiterin der Bibliothek rechnet mit deutlich mehr Besuchern am Wochenende.",
                "Für die zusätzlichen Stunden werden zwei Teilzeitstellen geschaffen. Außerdem sollen im Lesesaal neue Steckdosen und bessere Lampen eingebaut werden.",
            ]),
        new("de", "nachrichten-nord.example", "radweg-am-fluss-wird-saniert", "utf-8", CharsetDeclaration.HeaderAndMeta,
            "Radweg am Fluss wird saniert",
            [
                "Der beliebte Radweg entlang des Flusses wird ab April auf einer Länge von drei Kilometern erneuert. Wurzeln haben den Belag an vielen Stellen angehoben, was vor allem für Kinder gefährlich ist.",
                "Während der Bauarbeiten wird der Verkehr über die parallele Nebenstraße umgeleitet. Die Stadt bittet um Verständnis und verspricht, die Arbeiten vor den Sommerferien abzuschließen.",
            ]),
        new("de", "kochen-mit-oma.example", "apfelkuchen-vom-blech", "utf-8", CharsetDeclaration.MetaCharset,
            "Apfelkuchen vom Blech: das Familienrezept",
            [
                "Dieser Apfelkuchen gelingt auch Anfängern. Man braucht einen einfachen Rührteig, säuerliche Äpfel und reichlich Zimt.",
                "Die Äpfel werden geschält, in dünne Spalten geschnitten und dicht an dicht auf den Teig gelegt. Nach etwa vierzig Minuten bei 180 Grad ist der Kuchen goldbraun.",
                "Am besten schmeckt er lauwarm mit einem Klecks Sahne. Reste halten sich gut abgedeckt zwei Tage.",
            ]),
        new("de", "technik-notizen.example", "warum-mein-router-nachts-neu-startet", "utf-8", CharsetDeclaration.HeaderAndMeta,
            "Warum mein Router jede Nacht neu startet",
            [
                "Seit einigen Wochen verlor unser Heimnetz jede Nacht gegen drei Uhr für ein paar Minuten die Verbindung. Zuerst hatte ich den Anbieter im Verdacht.",
                "Ein Blick in das Protokoll zeigte jedoch, dass der Router selbst automatisch Updates installierte und dabei neu startete. Die Einstellung lässt sich im Menü unter Wartung auf ein anderes Zeitfenster legen.",
            ]),
        new("fr", "journal-du-lac.example", "le-marche-du-samedi-change-de-place", "iso-8859-1", CharsetDeclaration.MetaCharset,
            "Le marché du samedi change de place",
            [
                "À partir du mois prochain, le marché du samedi s'installera sur la place de la Gare, le temps des travaux de rénovation de la halle. Les commerçants ont été consultés à deux reprises avant la décision.",
                "Certains craignent de perdre une partie de leur clientèle habituelle, d'autres espèrent au contraire attirer les voyageurs. La mairie promet une signalisation claire et des places de stationnement supplémentaires.",
                "Les travaux de la halle devraient durer environ huit mois. Le marché retrouvera ensuite son emplacement d'origine, avec un nouveau toit et un meilleur éclairage.",
            ]),
        new("fr", "journal-du-lac.example", "une-saison-record-pour-les-voiliers", "utf-8", CharsetDeclaration.HeaderAndMeta,
            "Une saison record pour l'école de voile",
            [
                "L'école de voile du lac a accueilli plus de mille stagiaires cet été, un chiffre jamais atteint depuis sa création. Le beau temps et un vent régulier expliquent en partie ce succès.",
                "Le club souhaite maintenant remplacer ses plus vieux bateaux et former davantage de moniteurs. Une soirée de soutien est prévue à la fin du mois.",
            ]),
        new("fr", "cuisine-facile.example", "soupe-de-potiron-au-gingembre", "utf-8", CharsetDeclaration.HeaderOnly,
            "Soupe de potiron au gingembre",
            [
                "Voici une soupe douce et parfumée, parfaite pour les soirées d'automne. Il vous faut un potiron moyen, un oignon, un morceau de gingembre frais et un peu de crème.",
                "Faites revenir l'oignon, ajoutez le potiron coupé en dés et couvrez d'eau. Après vingt-cinq minutes de cuisson, mixez le tout avec le gingembre râpé, puis rectifiez l'assaisonnement.",
            ]),
        new("fr", "blog-du-developpeur.example", "mes-debuts-avec-un-clavier-mecanique", "utf-8", CharsetDeclaration.MetaHttpEquiv,
            "Mes débuts avec un clavier mécanique",
            [
                "Après des années sur un clavier d'ordinateur portable, j'ai enfin essayé un clavier mécanique. Les premiers jours ont été déroutants : je tapais trop fort et je faisais plus de fautes.",
                "Au bout d'une semaine, la différence est devenue évidente. La frappe est plus précise et mes poignets sont moins fatigués le soir.",
            ]),
        new("es", "diario-del-sur.example", "el-nuevo-tranvia-empieza-a-circular", "utf-8", CharsetDeclaration.Bom,
            "El nuevo tranvía empieza a circular",
            [
                "El tranvía que une el puerto con la universidad realizó ayer su primer viaje con pasajeros. Cientos de vecinos esperaron en las paradas para subir en los primeros trayectos.",
                "Durante el primer mes el billete será gratuito. El ayuntamiento espera que la nueva línea reduzca el tráfico en el centro y mejore la calidad del aire.",
                "Algunos comerciantes de la avenida principal se quejan todavía de las obras, que duraron casi dos años.",
            ]),
        new("es", "diario-del-sur.example", "la-biblioteca-abre-un-taller-de-escritura", "utf-8", CharsetDeclaration.HeaderAndMeta,
            "La biblioteca abre un taller de escritura",
            [
                "La biblioteca municipal organiza un taller de escritura creativa para adultos todos los martes por la tarde. Las plazas son limitadas y la inscripción es gratuita.",
                "La escritora que dirige el taller propone ejercicios breves a partir de fotografías antiguas de la ciudad. Al final del curso se publicará una pequeña antología con los mejores textos.",
            ]),
        new("es", "recetas-de-casa.example", "tortilla-de-patatas-jugosa", "utf-8", CharsetDeclaration.MetaCharset,
            "Cómo hacer una tortilla de patatas jugosa",
            [
                "El secreto de una buena tortilla está en freír las patatas a fuego lento, sin prisa, hasta que queden tiernas pero no doradas. La cebolla es opcional, aunque en mi familia nunca falta.",
                "Después se mezclan con los huevos batidos y se deja reposar la mezcla unos minutos. Para darle la vuelta, usa un plato llano algo más grande que la sartén.",
            ]),
        new("es", "viajeros-lentos.example", "tres-dias-en-los-picos", "utf-8", CharsetDeclaration.HeaderAndMeta,
            "Tres días caminando por la montaña",
            [
                "Salimos temprano del pueblo con mochilas ligeras y un mapa de papel, por si el móvil se quedaba sin batería. El primer día subimos hasta un refugio donde cenamos sopa caliente con otros excursionistas.",
                "El segundo día la niebla no nos dejó ver casi nada, pero el tercero amaneció despejado y las vistas desde el collado compensaron todo el esfuerzo.",
            ]),
        new("ru", "novosti-goroda.example", "v-parke-otkroyut-novuyu-ploshchadku", "windows-1251", CharsetDeclaration.HeaderOnly,
            "В центральном парке откроют новую детскую площадку",
            [
                "Строительство новой детской площадки в центральном парке завершится к началу лета. Проект выбрали сами жители: за него проголосовали более двух тысяч человек.",
                "На площадке появятся качели для детей разного возраста, песочница с навесом и мягкое покрытие. Рядом поставят скамейки для родителей и питьевой фонтанчик.",
                "Городская администрация обещает, что работы не помешают прогулкам: строительная зона будет огорожена, а основные дорожки останутся открытыми.",
            ]),
        new("ru", "novosti-goroda.example", "avtobusy-nachnut-khodit-chashche", "windows-1251", CharsetDeclaration.MetaCharset,
            "Автобусы по главным маршрутам начнут ходить чаще",
            [
                "С первого числа следующего месяца интервал движения автобусов на трёх главных маршрутах сократится до восьми минут. Об этом сообщили в транспортном управлении города.",
                "Для этого перевозчик закупил двенадцать новых машин с низким полом. Пассажиры давно жаловались на переполненные автобусы в часы пик, особенно утром.",
            ]),
        new("ru", "zametki-sadovoda.example", "kak-ya-vyrastil-tomaty-na-balkone", "windows-1251", CharsetDeclaration.None,
            "Как я вырастил томаты на балконе",
            [
                "Прошлой весной я решил попробовать вырастить томаты прямо на балконе. Места там немного, поэтому я выбрал низкорослые сорта, которые не требуют подвязки.",
                "Рассаду я посеял в конце марта в обычные пластиковые стаканчики. Через месяц самые крепкие растения пересадил в большие ящики с хорошей землёй и добавил немного золы.",
                "Поливал я их тёплой водой рано утром или вечером, чтобы листья не обгорели на солнце. В жаркие дни приходилось поливать каждый день.",
                "Первые спелые помидоры появились в середине июля. Урожай оказался скромным, но вкус был гораздо лучше, чем у магазинных. В этом году я хочу попробовать ещё и огурцы.",
            ]),
        new("ru", "tekhnoblog.example", "obzor-nedorogogo-noutbuka", "utf-8", CharsetDeclaration.HeaderAndMeta,
            "Обзор недорогого ноутбука для учёбы",
            [
                "Этот ноутбук рассчитан на студентов, которым нужен лёгкий и недорогой компьютер для конспектов и видеозвонков. Он весит чуть больше килограмма и работает от батареи почти весь день.",
                "Экран яркий, но углы обзора небольшие. Клавиатура удобная, хотя подсветки нет. За свою цену это разумный выбор.",
            ]),
        new("zh", "xinwen-wang.example", "chengshi-xin-gongyuan-kaifang", "gbk", CharsetDeclaration.MetaHttpEquiv,
            "城市新公园正式开放",
            [
                "位于河边的城市新公园今天正式向市民开放。公园占地约二十公顷，设有步行道、自行车道和儿童游乐区。",
                "开放第一天就吸引了数千名市民前来参观。不少老人在湖边散步，年轻人则在草地上野餐。",
                "公园管理处表示，今后还将增加更多的座椅和饮水点，并在夏季举办露天音乐会。",
            ]),
        new("zh", "xinwen-wang.example", "gongjiao-xianlu-tiaozheng", "gb2312", CharsetDeclaration.HeaderOnly,
            "部分公交线路下月起调整",
            [
                "市交通部门宣布，从下个月起将对五条公交线路进行调整，以方便新建住宅区的居民出行。",
                "调整后，早晚高峰的发车间隔将缩短到十分钟。有关部门提醒乘客提前查看新的线路图，合理安排出行时间。",
            ]),
        new("zh", "meishi-riji.example", "jiachang-xihongshi-chaodan", "gbk", CharsetDeclaration.MetaCharset,
            "家常西红柿炒鸡蛋的做法",
            [
                "西红柿炒鸡蛋是一道简单又好吃的家常菜。先把鸡蛋打散，加一点盐，在热油里炒到刚刚凝固就盛出来。",
                "然后把切好的西红柿放进锅里，炒出汁以后再倒回鸡蛋，加少许糖调味，翻炒均匀就可以出锅了。",
            ]),
        new("zh", "keji-biji.example", "wo-de-di-yi-ge-jiqiren", "utf-8", CharsetDeclaration.HeaderAndMeta,
            "我和孩子做的第一个小机器人",
            [
                "周末我和孩子一起用一块开发板和两个小马达做了一个会避开障碍物的小车。整个过程花了大约三个小时。",
                "最难的部分是调整传感器的距离。孩子对编程产生了很大的兴趣，下周我们打算给小车加上灯光。",
            ]),
        new("zh", "lvxing-zhinan.example", "gucheng-liangri-you", "utf-8", CharsetDeclaration.MetaCharset,
            "古城两日游攻略",
            [
                "古城不大，两天时间足够走遍主要景点。建议早上去城墙散步，那时人少，空气也好。",
                "晚上可以去老街吃小吃，价格不贵，味道也很地道。住宿最好提前预订，节假日房间很紧张。",
            ]),
        new("ja", "nikki-blog.example", "hajimete-no-pan-zukuri", "euc-jp", CharsetDeclaration.MetaCharset,
            "初めてのパン作り",
            [
                "先週末、初めて自宅でパンを焼いてみました。材料は強力粉、砂糖、塩、ドライイースト、そして牛乳だけです。",
                "生地をこねるのは思ったより大変で、十五分ほどかかりました。一時間ほど発酵させると、生地が二倍くらいに膨らみました。",
                "オーブンで二十分焼くと、部屋中にいい香りが広がりました。形は少しいびつでしたが、家族はおいしいと言ってくれました。",
            ]),
        new("ja", "machi-news.example", "eki-mae-no-toshokan-ga-rinyuaru", "shift_jis", CharsetDeclaration.MetaHttpEquiv,
            "駅前の図書館がリニューアル",
            [
                "駅前の市立図書館が約半年の改装工事を終え、今月から再び利用できるようになりました。",
                "新しい図書館には自習室のほか、子ども向けの読み聞かせコーナーやカフェが設けられています。開館時間も夜九時まで延長されました。",
            ]),
        new("ja", "machi-news.example", "shimin-marathon-sanka-boshu", "shift_jis", CharsetDeclaration.HeaderOnly,
            "市民マラソンの参加者を募集",
            [
                "秋に開かれる市民マラソン大会の参加者募集が始まりました。今年は初心者向けの五キロの部が新しく加わります。",
                "申し込みは来月末まで受け付けています。当日は交通規制が行われるため、周辺の住民には注意が呼びかけられています。",
            ]),
        new("ja", "gadget-memo.example", "atarashii-kiibodo-no-kansou", "utf-8", CharsetDeclaration.HeaderAndMeta,
            "新しいキーボードを一か月使った感想",
            [
                "仕事用に静音タイプのキーボードを買って一か月がたちました。打鍵音が小さいので、夜遅くに作業しても家族に迷惑をかけません。",
                "キーの配置にはすぐ慣れましたが、矢印キーが小さいのは少し不便です。それでも全体的には満足しています。",
            ]),
    ];
}
