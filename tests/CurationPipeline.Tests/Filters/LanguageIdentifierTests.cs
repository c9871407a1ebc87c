using CurationPipeline.Filters;

namespace CurationPipeline.Tests.Filters;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier s_english = new(new LanguageIdOptions());

    public static TheoryData<string, string> Texts => new()
    {
        { "The committee met on Tuesday to discuss the budget for the coming year, and most members agreed that spending on schools should rise.", "en" },
        { "Der Ausschuss traf sich am Dienstag, um über den Haushalt für das kommende Jahr zu beraten, und die meisten Mitglieder waren sich einig.", "de" },
        { "Le comité s'est réuni mardi pour discuter du budget de l'année prochaine, et la plupart des membres étaient d'accord.", "fr" },
        { "Komitet spotkał się we wtorek, aby omówić budżet na przyszły rok, a większość członków zgodziła się, że wydatki wzrosną.", "pl" },
        { "委员会星期二开会讨论明年的预算，大多数成员同意学校的开支应该增加。", "zh" },
        { "委員会は火曜日に集まり、来年の予算について話し合いました。ほとんどの委員が学校への支出を増やすべきだと考えました。", "ja" },
        { "Комитет собрался во вторник, чтобы обсудить бюджет на следующий год, и большинство членов согласились, что расходы на школы должны вырасти.", "ru" },
        { "Комітет зібрався у вівторок, щоб обговорити бюджет на наступний рік, і більшість членів погодилися, що витрати на школи мають зрости.", "uk" },
        { "El comité se reunió el martes para discutir el presupuesto del próximo año, y la mayoría de los miembros estuvo de acuerdo en que el gasto en escuelas debe aumentar.", "es" },
        { "Il comitato si è riunito martedì per discutere il bilancio del prossimo anno e la maggior parte dei membri ha convenuto che la spesa per le scuole dovrebbe aumentare.", "it" },
        { "O comitê se reuniu na terça-feira para discutir o orçamento do próximo ano, e a maioria dos membros concordou que os gastos com escolas devem aumentar.", "pt" },
        { "De commissie kwam dinsdag bijeen om de begroting voor het komende jaar te bespreken, en de meeste leden waren het erover eens dat de uitgaven aan scholen moeten stijgen.", "nl" },
        { "Η επιτροπή συνεδρίασε την Τρίτη για να συζητήσει τον προϋπολογισμό του επόμενου έτους.", "el" },
        { "위원회는 화요일에 모여 내년 예산을 논의했으며 대부분의 위원들은 학교 지출을 늘려야 한다는 데 동의했다.", "ko" },
        { "समिति ने अगले वर्ष के बजट पर चर्चा करने के लिए मंगलवार को बैठक की, और अधिकांश सदस्य सहमत थे कि स्कूलों पर खर्च बढ़ना चाहिए।", "hi" },
        { "اجتمعت اللجنة يوم الثلاثاء لمناقشة ميزانية العام المقبل، واتفق معظم الأعضاء على ضرورة زيادة الإنفاق على المدارس.", "ar" },
        { "คณะกรรมการประชุมกันเมื่อวันอังคารเพื่อหารือเกี่ยวกับงบประมาณของปีหน้า และสมาชิกส่วนใหญ่เห็นพ้องว่าควรเพิ่มการใช้จ่ายด้านโรงเรียน", "th" },
        { "Komitea kokoontui tiistaina keskustelemaan ensi vuoden talousarviosta, ja useimmat jäsenet olivat yhtä mieltä siitä, että koulujen menoja pitäisi lisätä.", "fi" },
        { "Kamati ilikutana Jumanne kujadili bajeti ya mwaka ujao, na wanachama wengi walikubaliana kwamba matumizi kwa shule yanapaswa kuongezeka.", "sw" },
        { "Ủy ban đã họp vào thứ Ba để thảo luận về ngân sách cho năm tới, và hầu hết các thành viên đồng ý rằng chi tiêu cho trường học nên tăng lên.", "vi" },
        { "Komite, gelecek yılın bütçesini görüşmek için salı günü toplandı ve üyelerin çoğu okullara yapılan harcamaların artması gerektiği konusunda hemfikirdi.", "tr" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void ComputeSignals_Paragraph_DetectsLanguageWithHighScore(string text, string expected)
    {
        LanguageSignals s = s_english.ComputeSignals(text);
        Assert.Equal(expected, s.Language);
        Assert.InRange(s.Score, 0.65, 1.0);
        Assert.Equal(expected == "en" ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.LanguageNotKept), s_english.Decide(s));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345 67890 !!! ???")]
    public void ComputeSignals_NoLetters_Unknown(string text)
    {
        LanguageSignals s = s_english.ComputeSignals(text);
        Assert.Equal(new LanguageSignals(LanguageIdentifier.Unknown, 0), s);
        Assert.Equal(FilterVerdict.Drop(FilterReasons.LanguageNotKept), s_english.Decide(s));
    }

    [Theory]
    [InlineData(0.65, false)] // datatrove keeps score > threshold: equal is dropped
    [InlineData(0.6500001, true)]
    public void Decide_AroundMinScore_LowScore(double score, bool keep) =>
        Assert.Equal(keep ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.LanguageLowScore), s_english.Decide(new LanguageSignals("en", score)));

    [Fact]
    public void Decide_EmptyKeepList_KeepsAnyConfidentLanguage()
    {
        var any = new LanguageIdentifier(new LanguageIdOptions { KeepLanguages = [] });
        Assert.Equal(FilterVerdict.Kept, any.Decide(new LanguageSignals("de", 0.9)));
        Assert.Equal(FilterVerdict.Drop(FilterReasons.LanguageLowScore), any.Decide(new LanguageSignals("de", 0.5)));
    }

    [Fact]
    public void Constructor_UnknownCandidateCode_ThrowsNamingProperty()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LanguageIdentifier(new LanguageIdOptions { CandidateLanguages = ["en", "xx"] }));
        Assert.Equal(nameof(LanguageIdOptions.CandidateLanguages), ex.ParamName);
    }

    [Fact]
    public void ComputeSignals_LongText_ReadsOnlyThePrefix()
    {
        // 3,120 chars of English then German: the 300-char prefix decides.
        string english = string.Concat(Enumerable.Repeat("The committee met on Tuesday to discuss the budget. ", 60));
        string german = string.Concat(Enumerable.Repeat("Der Ausschuss traf sich am Dienstag, um den Haushalt zu beraten. ", 200));
        Assert.Equal("en", s_english.ComputeSignals(english + german).Language);
    }

    [Fact]
    public void ComputeSignals_HalfEnglishHalfFrench_ScoreFallsBelowFineWebsCut()
    {
        string english = "The committee met on Tuesday to discuss the budget for the coming year, and most members agreed that spending on schools should rise. ";
        string french = "Le comité s'est réuni mardi pour discuter du budget de l'année prochaine, et la plupart des membres étaient d'accord sur les écoles. ";
        var reader = new LanguageIdentifier(new LanguageIdOptions { KeepLanguages = [], MaxChars = 5000 });

        LanguageSignals mixed = reader.ComputeSignals(english + french + english + french);
        LanguageSignals pure = reader.ComputeSignals(english + english + english + english);

        Assert.InRange(mixed.Score, 0.3, 0.65);
        Assert.InRange(pure.Score, 0.9, 1.0);
        Assert.Equal(FilterVerdict.Drop(FilterReasons.LanguageLowScore), reader.Decide(mixed));
    }

    [Theory]
    [InlineData("Komiteen møttes på tirsdag for å diskutere budsjettet for det kommende året, og de fleste medlemmene var enige om at utgiftene til skolene burde øke. Forslaget skal behandles i bystyret neste måned, og ordføreren har lovet en rask avgjørelse.", "nb nn da")]
    [InlineData("Odbor se sastao u utorak kako bi raspravio proračun za sljedeću godinu, a većina članova složila se da bi izdaci za škole trebali rasti. Prijedlog će se razmatrati na sjednici gradskog vijeća idućeg mjeseca.", "hr bs sr")]
    public void ComputeSignals_SiblingLanguages_ConfidentAboveFineWebsCut(string text, string siblings)
    {
        var reader = new LanguageIdentifier(new LanguageIdOptions { KeepLanguages = [] });

        LanguageSignals signals = reader.ComputeSignals(text);

        Assert.Contains(signals.Language, siblings.Split(' '));
        Assert.InRange(signals.Score, 0.65, 1.0); // windows that cannot tell the siblings apart count for each
    }
}
