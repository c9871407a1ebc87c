namespace SampleWarcGenerator.Content;

/// <summary>The hand-written English sentence banks (original text written for this project).</summary>
internal static class EnglishBanks
{
    /// <summary>Templates that fit any subject; mixed into every article.</summary>
    public static readonly string[] Generic =
    [
        "Not everyone agrees with that reading of the situation.",
        "The details are still being worked out, and several questions remain open.",
        "A spokesperson for {actor} said a fuller statement would follow in {month}.",
        "Critics argue that the timeline is too ambitious for a project of this size.",
        "For now, the practical effect on most people will be modest.",
        "The figures were first shared at a public meeting in {place} last {month}.",
        "Similar attempts in {year} stalled after the money ran out halfway through.",
        "{actor} has promised to publish the underlying numbers before the end of the year.",
        "Those who were there describe a mood that was cautious rather than celebratory.",
        "It is the third time in as many years that the question has come up.",
        "Residents who wrote in were split roughly down the middle.",
        "The change took effect quietly, with little announcement beyond a short notice.",
        "Asked about the cost, {actor} pointed to savings expected over the next decade.",
        "Nobody we spoke to expected the first phase to run exactly to plan.",
        "A follow-up review is scheduled for {month}, when more data should be available.",
        "Some of the early enthusiasm has faded since the original announcement.",
        "The proposal drew {n} written comments during the consultation period.",
        "That estimate may change as the work moves from paper into practice.",
        "There is, as one observer put it, no shortage of opinions on the subject.",
        "What happens next depends largely on decisions that have not yet been made.",
        "The numbers suggest a gradual shift rather than a sudden break with the past.",
        "Several people asked that their names not be used because the talks are ongoing.",
        "Earlier coverage of the story is linked at the bottom of this page.",
        "In the meantime, the usual arrangements stay in place.",
        "We will update this article as new information becomes available.",
    ];

    /// <summary>Reader comments for the comment sections.</summary>
    public static readonly string[] Comments =
    [
        "Great write-up, thanks for explaining it so clearly.",
        "I was at that meeting and this is a fair summary of what was said.",
        "Does anyone know whether this applies to the east side as well?",
        "Same thing happened where I used to live. It took years to sort out.",
        "Honestly I think the article is too kind to the organisers.",
        "Bookmarked. Would love a follow-up in six months.",
        "The second table is really helpful, more of this please.",
        "Not convinced the numbers add up, but interesting read.",
        "My neighbour told me about this and I did not believe her. Now I do.",
        "Can you link the original report? I could not find it.",
        "This is why I keep my subscription.",
        "First!",
        "Typo in the third paragraph, otherwise spot on.",
        "Wish more outlets covered stories like this one.",
    ];

    /// <summary>Commenter display names.</summary>
    public static readonly string[] Commenters =
    [
        "mkowalski", "Jen R.", "old_harbour_hand", "T. Abernathy", "quietreader", "pbandj", "Ravi S.", "lighthouse42",
        "Marguerite", "dk_builds", "N. Osei", "frostfern",
    ];

    public static readonly TopicBank Civic = new()
    {
        Section = "Local",
        Titles =
        [
            "{place} council approves plan for {thing}",
            "Residents push back on changes to {thing} in {place}",
            "What the new {thing} budget means for {place}",
            "{actor} outlines next steps for {thing}",
            "Delays hit {thing} project as costs rise",
        ],
        Headings = ["What was decided", "Why it matters", "The cost", "What residents said", "Next steps", "Background"],
        Sentences =
        [
            "The council voted {n} to 2 in favour of the revised plan for the {thing}.",
            "Under the proposal, work on the {thing} near {place} would begin in {month}.",
            "{actor} said the budget for the {thing} had grown by {pct} since the first draft.",
            "Parking along the main road in {place} will be restricted while crews are on site.",
            "Several shop owners in {place} worried aloud about losing trade during construction.",
            "The {thing} was last upgraded in {year}, and parts of it show their age.",
            "A petition opposing the change gathered {n} signatures in under a month.",
            "Officials insist the new timetable leaves room for bad weather.",
            "{actor} told the meeting that grant money covers about {pct} of the total.",
            "Residents can view the drawings at the library in {place} until the end of {month}.",
            "The route of the new footpath was moved twice after surveys found drainage problems.",
            "Older residents asked for more benches and better lighting around the {thing}.",
            "The contract was awarded to a regional firm after {n} bids were reviewed.",
            "School buses will follow a temporary route while the bridge is closed.",
            "A public drop-in session is planned at the community hall in {place}.",
            "{actor} described the vote as the end of a long and sometimes bitter debate.",
            "Council papers show the {thing} had been on the priority list since {year}.",
            "Local volunteers have offered to help plant trees once the groundwork is finished.",
            "The fire service reviewed the plans and asked for wider access lanes.",
            "A smaller version of the scheme was rejected by voters in {year}.",
            "Bus stops on both sides of the square will be relocated by about {n} metres.",
            "The clerk confirmed that minutes of the session will be posted online within a week.",
        ],
        ListItems =
        [
            "Road closures begin on the first Monday of the month",
            "Weekend work is limited to daylight hours",
            "Bin collections continue as normal",
            "A shuttle bus runs every twenty minutes",
            "Cyclists are diverted along the river path",
            "Questions can be sent to the project office",
            "Noise monitoring will be published weekly",
        ],
        TableHeader = ["Item", "Estimated cost (k)", "Completion"],
        Actors = ["Mayor Ellen Brandt", "Councillor Dev Patel", "the planning committee", "the town clerk", "the residents' association", "the county engineer"],
        Places = ["Riverside", "the Old Quarter", "North Bank", "Millbrook", "Harbour Street", "Elm Park", "the market square"],
        Things = ["library extension", "pedestrian bridge", "bus depot", "community pool", "cycle lane", "flood barrier", "youth centre", "car park"],
    };

    public static readonly TopicBank Tech = new()
    {
        Section = "Technology",
        Titles =
        [
            "Hands-on with the new {thing}",
            "Why {actor} is betting on {thing}",
            "The quiet return of the {thing}",
            "{thing}: what changed in version {n}",
            "Five things we learned testing the {thing}",
        ],
        Headings = ["First impressions", "Performance", "Battery and power", "Software", "Price and availability", "Verdict"],
        Sentences =
        [
            "The {thing} ships with a larger screen and a noticeably lighter frame.",
            "In our tests the battery lasted about {n} minutes under heavy load.",
            "{actor} claims a {pct} improvement over the previous generation.",
            "Setup took less than ten minutes, most of it spent waiting for updates.",
            "The fan stays silent during ordinary browsing and only spins up when compiling code.",
            "Reviewers at {place} were less impressed by the built-in speakers.",
            "Firmware version {n} fixes the connection drops that plagued early units.",
            "The keyboard has shallow travel but a firm, predictable bottom.",
            "A new low-power mode stretches standby time to several days.",
            "Developers will appreciate that the {thing} exposes a documented API.",
            "The company has committed to security updates until at least {year} plus five.",
            "Heat builds up near the hinge after an hour of video calls.",
            "{actor} declined to say how many units were produced in the first run.",
            "Storage starts at {n} gigabytes, which feels tight for the asking price.",
            "Pairing with older accessories worked, though not always on the first try.",
            "The camera handles daylight well but struggles indoors after dark.",
            "An optional dock adds two display outputs and wired networking.",
            "Repair guides published at {place} give the {thing} a respectable score.",
            "The default apps are sparse, which some will see as a feature.",
            "Open-source drivers arrived within weeks of launch, earlier than expected.",
            "Our benchmark numbers landed within {pct} of the manufacturer's own figures.",
            "The chassis is made partly from recycled aluminium, according to {actor}.",
        ],
        ListItems =
        [
            "Excellent battery life for the class",
            "Bright, evenly lit display",
            "Soldered memory cannot be upgraded",
            "Only two USB-C ports",
            "Quiet under normal workloads",
            "Charger sold separately in some regions",
            "Clear, well-documented firmware releases",
        ],
        TableHeader = ["Model", "Score", "Battery (h)"],
        Actors = ["the manufacturer", "a company spokesperson", "lead engineer Mara Lind", "the product team", "analyst Joon Park"],
        Places = ["the Northfield lab", "a trade show in Lisbon", "the community forum", "an independent repair shop"],
        Things = ["handheld console", "e-ink tablet", "mesh router", "mechanical keyboard", "single-board computer", "noise-cancelling headset", "mini PC"],
    };

    public static readonly TopicBank Science = new()
    {
        Section = "Science",
        Titles =
        [
            "Researchers map {thing} in unprecedented detail",
            "A surprising link between {thing} and climate",
            "How {thing} survive the winter",
            "New survey counts {thing} across {place}",
            "Why {thing} matter more than we thought",
        ],
        Headings = ["The study", "Methods", "What they found", "Caveats", "What comes next"],
        Sentences =
        [
            "The team collected {n} samples over three field seasons near {place}.",
            "{actor} led the analysis, which appeared in a peer-reviewed journal in {month}.",
            "Populations of {thing} fell by roughly {pct} over the study period.",
            "The measurements were repeated at dawn and dusk to control for temperature.",
            "Satellite images helped the researchers pick sites that had not been surveyed before.",
            "Earlier work from {year} had hinted at the pattern but relied on fewer sites.",
            "The authors caution that correlation alone cannot explain the decline.",
            "Volunteers logged sightings using a simple phone app built for the project.",
            "{actor} compared the findings with museum records going back a century.",
            "Soil cores taken near {place} showed unusually high levels of organic carbon.",
            "Tagged individuals travelled up to {n} kilometres in a single season.",
            "The statistical model accounted for uneven effort between survey teams.",
            "Funding for the next phase has been secured through {year} plus three.",
            "The raw data have been released so that other groups can check the results.",
            "Warmer springs appear to shift the timing of the first emergence.",
            "{actor} called the result a reminder of how little we still know about {thing}.",
            "Not all sites followed the trend; two actually showed modest gains.",
            "Genetic tests confirmed that the two groups separated thousands of years ago.",
            "The instruments were calibrated against a reference station in {place}.",
            "Replication studies are already under way in two other regions.",
            "About {pct} of the variation could be explained by rainfall alone.",
        ],
        ListItems =
        [
            "Samples were stored at minus eighty degrees",
            "Each site was visited at least four times",
            "Observers were trained with a shared protocol",
            "Outliers were checked by a second analyst",
            "Code and data are publicly archived",
            "Weather stations logged data every ten minutes",
        ],
        TableHeader = ["Site", "Samples", "Change (%)"],
        Actors = ["Dr. Amara Okafor", "Professor Lena Vogt", "the field team", "ecologist Tomas Reyes", "the project's lead statistician"],
        Places = ["the Kestrel Valley", "the northern wetlands", "Lake Ormond", "the coastal dunes", "the Highmoor plateau"],
        Things = ["freshwater mussels", "alpine bumblebees", "peat mosses", "migratory bats", "soil fungi", "river otters", "tidal-flat worms"],
    };

    public static readonly TopicBank Food = new()
    {
        Section = "Recipes",
        Titles =
        [
            "Weeknight {thing} in thirty minutes",
            "The only {thing} recipe you will need this {month}",
            "A better way to make {thing}",
            "{thing}, three ways",
            "Notes from a {place} kitchen: {thing}",
        ],
        Headings = ["Ingredients", "Method", "Tips", "Storage", "Variations"],
        Sentences =
        [
            "This {thing} comes together in one pan and serves four generously.",
            "Toast the spices in a dry pan until they smell nutty, about two minutes.",
            "Salt the water well; it should taste pleasantly of the sea.",
            "{actor} swears by adding a splash of vinegar right at the end.",
            "If you cannot find fresh herbs, a teaspoon of dried will do.",
            "Let the dough rest for at least {n} minutes before rolling it out.",
            "The recipe was adapted from a handwritten card found in {place}.",
            "Leftovers keep for three days in the fridge and freeze well.",
            "Brown the onions slowly; rushing this step costs a lot of flavour.",
            "A cast-iron pan gives the best crust, but any heavy skillet works.",
            "We tested this {thing} {n} times before settling on the final version.",
            "Swap the butter for olive oil to make the dish dairy-free.",
            "Taste as you go and adjust the seasoning before serving.",
            "{actor} first cooked this {thing} for a crowded table in {year}.",
            "The sauce thickens as it cools, so take it off the heat a little early.",
            "Cold butter and a light hand are the secret to tender layers.",
            "Serve with crusty bread or a simple green salad.",
            "Readers from {place} suggested adding roasted peppers, and it works.",
            "A pinch of sugar balances the acidity of tinned tomatoes.",
            "Soak the beans overnight or use two drained cans to save time.",
            "The oven should be properly hot, so give it a full twenty minutes.",
        ],
        ListItems =
        [
            "2 tablespoons olive oil",
            "1 large onion, finely chopped",
            "3 cloves garlic, sliced",
            "400 g tinned tomatoes",
            "1 teaspoon smoked paprika",
            "A small bunch of parsley",
            "Salt and black pepper",
            "250 g dried pasta",
            "1 lemon, zested and juiced",
        ],
        TableHeader = ["Per serving", "Amount", "Daily value (%)"],
        Actors = ["my grandmother", "chef Ilse Marten", "our test cook", "a reader named Paulo", "the bakery owner"],
        Places = ["Lyon", "a seaside village", "the night market", "Naples", "a farmhouse in Vermont"],
        Things = ["lentil stew", "lemon tart", "flatbread", "mushroom risotto", "braised greens", "apple galette", "chickpea curry"],
    };

    public static readonly TopicBank Travel = new()
    {
        Section = "Travel",
        Titles =
        [
            "Three days in {place} on a budget",
            "Walking the old roads around {place}",
            "{place} out of season: is it worth it?",
            "A slow train to {place}",
            "What nobody tells you about visiting {place}",
        ],
        Headings = ["Getting there", "Where we stayed", "What to eat", "Day trips", "Costs", "Would we go back?"],
        Sentences =
        [
            "We arrived in {place} late in {month}, just as the crowds were thinning.",
            "The overnight train took {n} minutes longer than the timetable promised.",
            "Our guesthouse sat on a quiet lane a short walk from the harbour.",
            "{actor} recommended a bakery that opens before six in the morning.",
            "Bring cash; several of the smaller places do not take cards.",
            "The hike to the ridge is steep but well marked, and the view is worth it.",
            "Prices were about {pct} lower than in high season.",
            "We rented bicycles for the day and followed the old canal path.",
            "The museum is free on the first Sunday of each month.",
            "A ferry runs twice a day to the islands, weather permitting.",
            "{actor} warned us that the last bus back leaves absurdly early.",
            "Rain set in on the second day, so we spent it in cafés and bookshops.",
            "The market in {place} is best visited before ten, when the stalls are full.",
            "Our total spend for three days came to about {n} euros each.",
            "Signs are bilingual, and most people we met were happy to help.",
            "The old town was largely rebuilt after a fire in the nineteenth century.",
            "We skipped the cable car and walked down through the vineyards instead.",
            "Book the fortress tour ahead in summer; it sells out by mid-morning.",
            "Street food stalls near the station serve the best value lunch in town.",
            "The hostel in {place} was clean and friendly, if a little noisy at night.",
            "Sunset from the harbour wall was the highlight of the whole trip.",
        ],
        ListItems =
        [
            "Comfortable shoes for cobbled streets",
            "A light rain jacket",
            "Offline maps on your phone",
            "A reusable water bottle",
            "Small change for buses and lockers",
            "A printed copy of your booking",
        ],
        TableHeader = ["Expense", "Cost (EUR)", "Notes"],
        Actors = ["our host", "a retired teacher we met on the ferry", "the tourist office", "a local guide named Ana", "the café owner"],
        Places = ["Porto", "Ljubljana", "the Faroe Islands", "Kraków", "Valencia", "Tallinn", "the Dolomites"],
        Things = ["old town", "harbour", "night train", "mountain hut", "food market"],
    };

    public static readonly TopicBank Finance = new()
    {
        Section = "Markets",
        Titles =
        [
            "{thing} prices climb for a third straight week",
            "What the latest {thing} data tell us",
            "Investors weigh {thing} outlook as rates hold",
            "{actor} trims forecast on weaker {thing} demand",
            "Small firms feel the squeeze from {thing} costs",
        ],
        Headings = ["The numbers", "Market reaction", "Analyst views", "Outlook", "Risks"],
        Sentences =
        [
            "{thing} prices rose {pct} over the quarter, the steepest gain since {year}.",
            "{actor} said demand held up better than expected through {month}.",
            "Trading volumes were thin ahead of the holiday weekend.",
            "The central bank left its main rate unchanged, as most economists had predicted.",
            "Shares of regional lenders slipped after the announcement.",
            "Inventories built up in {place} warehouses for a second month.",
            "Analysts expect margins to narrow as input costs feed through.",
            "Exports to {place} fell by {n} million in value compared with a year ago.",
            "{actor} described the outlook as stable but fragile.",
            "Consumer confidence edged higher for the first time in five months.",
            "Bond yields were little changed by the end of the session.",
            "The company will report full-year results in {month}.",
            "Freight rates have roughly halved since their peak in {year}.",
            "Smaller suppliers say they cannot pass higher costs on to customers.",
            "A weaker currency has helped exporters but raised import bills.",
            "Hiring intentions remain positive, though less so than in spring.",
            "{actor} cautioned against reading too much into a single month of data.",
            "The index closed {n} points higher, led by energy and utilities.",
            "Households are saving a larger share of their income than before.",
            "Commercial property values in {place} have yet to recover.",
            "Futures markets imply one more rate cut before year end.",
        ],
        ListItems =
        [
            "Headline inflation eased slightly",
            "Core prices were sticky",
            "Wage growth slowed to its lowest in two years",
            "Retail sales beat forecasts",
            "Manufacturing output was flat",
            "Housing starts fell for a fourth month",
        ],
        TableHeader = ["Indicator", "Latest", "Previous"],
        Actors = ["the finance ministry", "chief economist Priya Nair", "a fund manager in Frankfurt", "the industry association", "the statistics office"],
        Places = ["Rotterdam", "the northern region", "Singapore", "the eurozone", "the Gulf states"],
        Things = ["copper", "coffee", "container shipping", "natural gas", "wheat", "lithium", "office rent"],
    };

    public static readonly TopicBank Sports = new()
    {
        Section = "Sport",
        Titles =
        [
            "{place} edge past rivals in late drama",
            "Five talking points from the weekend in {place}",
            "{actor} on the season so far",
            "Injury blow for {place} ahead of the derby",
            "Rookie steals the show as {place} win again",
        ],
        Headings = ["Match report", "Key moments", "Reaction", "Standings", "Looking ahead"],
        Sentences =
        [
            "{place} scored twice in the final ten minutes to turn the game around.",
            "The visitors dominated possession but created few clear chances.",
            "{actor} said the squad had worked hard on set pieces all week.",
            "A crowd of {n} hundred braved the cold for the evening kick-off.",
            "The goalkeeper made three fine saves before half-time.",
            "It was their first win away from home since {month}.",
            "The captain limped off early with what looked like a hamstring problem.",
            "{actor} refused to criticise the referee after the match.",
            "Their defence has conceded just {n} goals in eight games.",
            "A young winger from the academy made his debut in the second half.",
            "Rain made the pitch heavy, and passing suffered as a result.",
            "Fans in {place} sang long after the final whistle.",
            "The result lifts them into the top four for the first time this season.",
            "Next up is a tricky trip to the league leaders in {month}.",
            "Conversion rates have improved by {pct} since the coaching change.",
            "The second goal came from a well-worked corner routine.",
            "{actor} admitted the team had been lucky to hold on in the last minutes.",
            "Ticket prices for the cup tie have been frozen at last year's level.",
            "The club's women's team also won, extending their unbeaten run.",
            "Both sides finished with ten players after a scuffle near the touchline.",
            "Statistics showed {n} shots for the home side against just four.",
        ],
        ListItems =
        [
            "Man of the match: the central midfielder",
            "Attendance was the highest this season",
            "Two yellow cards for the visitors",
            "First clean sheet in five games",
            "Substitutes made a clear difference",
        ],
        TableHeader = ["Team", "Played", "Points"],
        Actors = ["the head coach", "captain Sam Ibekwe", "the club chairman", "assistant manager Rosa Kim", "the veteran striker"],
        Places = ["Harbour Town", "Eastfield Rovers", "Kingsbridge United", "the Mariners", "Westgate Athletic", "Northbury"],
        Things = ["derby", "cup tie", "league match", "friendly"],
    };
}
