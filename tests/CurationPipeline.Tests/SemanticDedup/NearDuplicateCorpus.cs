namespace CurationPipeline.Tests.SemanticDedup;

/// <summary>
/// Three articles on different topics, each also under a site template (navigation and footer) and lightly reworded;
/// the template is shared across topics, so matching on boilerplate would merge different topics.
/// </summary>
internal static class NearDuplicateCorpus
{
    public const string Solar =
        "Rooftop solar panels convert sunlight into electricity using photovoltaic cells made of silicon. A typical household system " +
        "produces between four and eight kilowatts at peak, and an inverter turns the direct current into alternating current for the " +
        "home. Output drops on cloudy days and stops at night, so many owners add a battery to store the surplus generated around noon. " +
        "Panels usually pay for themselves within eight to twelve years, depending on local electricity prices and subsidies.";

    public const string SolarReworded =
        "Solar panels on the roof turn sunlight into electric power with photovoltaic cells made from silicon. A standard household " +
        "installation generates between four and eight kilowatts at its peak, and an inverter converts the direct current to alternating " +
        "current for the house. Production falls on overcast days and ends at night, so many owners install a battery to keep the extra " +
        "energy produced around midday. The panels generally pay for themselves in eight to twelve years, depending on local power prices and subsidies.";

    public const string Sourdough =
        "Sourdough bread rises without commercial yeast. Bakers keep a starter, a mixture of flour and water colonised by wild yeasts and " +
        "lactic acid bacteria, and feed it every day. The dough is mixed with a portion of active starter, left to ferment slowly for many " +
        "hours, shaped, and baked in a very hot oven, often inside a covered cast iron pot. The long fermentation gives the loaf its sour " +
        "taste, an open crumb and a thick, crackling crust.";

    public const string SourdoughReworded =
        "Sourdough loaves rise without any commercial yeast. Bakers maintain a starter, a blend of flour and water populated by wild yeasts " +
        "and lactic acid bacteria, and feed it daily. The dough is combined with some active starter, allowed to ferment slowly for many " +
        "hours, shaped, and baked in a very hot oven, frequently inside a lidded cast iron pot. This slow fermentation gives the bread its " +
        "tangy flavour, an airy crumb and a thick, crackly crust.";

    public const string Castle =
        "Medieval castles were built as fortified homes for lords and as bases for controlling the surrounding land. Early castles in " +
        "England were earth mounds topped by timber towers, but after the Norman conquest builders turned to stone keeps with thick " +
        "walls. Later designs added concentric rings of walls, gatehouses with portcullises and towers from which archers could cover " +
        "every approach. Gunpowder artillery eventually made high stone walls obsolete.";

    public const string CastleReworded =
        "Castles in the Middle Ages served as fortified residences for lords and as bases to control the land around them. The first " +
        "castles in England were earthen mounds crowned with wooden towers, but after the Norman conquest builders switched to stone keeps " +
        "with massive walls. Later plans added concentric circuits of walls, gatehouses with portcullises and towers from which archers " +
        "could cover every approach. Artillery using gunpowder finally made tall stone walls obsolete.";

    /// <summary>The same site chrome around every templated page.</summary>
    public static string Templated(string text) =>
        "Home | World | Science | Food | History | Subscribe | Log in\nThe Daily Example - independent news since 1998\n" +
        text +
        "\nShare this article: Facebook, Twitter, Email. Related stories. Most read this week. Sign up for our newsletter to get the " +
        "best stories in your inbox every morning. Copyright 2024 The Daily Example. All rights reserved. Privacy policy. Terms of use.";
}
