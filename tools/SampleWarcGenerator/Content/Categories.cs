namespace SampleWarcGenerator.Content;

/// <summary>Category names of the response records, as listed in sample-warc/README.md.</summary>
internal static class Categories
{
    public const string Article = "article";
    public const string Boilerplate = "boilerplate";
    public const string ExactDuplicate = "exact_duplicate";
    public const string NearDuplicate = "near_duplicate";
    public const string Spam = "spam";
    public const string Code = "code";
    public const string Math = "math";
    public const string NonEnglish = "non_english";
    public const string NonHtml = "non_html";
    public const string Status = "non_2xx";
}
