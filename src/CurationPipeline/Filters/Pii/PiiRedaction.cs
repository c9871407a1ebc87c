namespace CurationPipeline.Filters.Pii;

/// <summary>The result of <see cref="PiiRedactor.Redact"/>: the redacted text and how many items of each kind were replaced.</summary>
/// <param name="Text">The redacted text (the input instance itself when nothing was replaced).</param>
/// <param name="Emails">E-mail addresses replaced.</param>
/// <param name="IpAddresses">IPv4 and IPv6 addresses replaced.</param>
/// <param name="PhoneNumbers">Phone numbers replaced.</param>
public readonly record struct PiiRedaction(string Text, int Emails, int IpAddresses, int PhoneNumbers)
{
    /// <summary>All replacements together.</summary>
    public int Total => Emails + IpAddresses + PhoneNumbers;
}
