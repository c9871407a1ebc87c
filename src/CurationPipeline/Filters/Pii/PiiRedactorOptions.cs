namespace CurationPipeline.Filters.Pii;

/// <summary>What <see cref="PiiRedactor"/> replaces, and with what (datatrove's <c>PIIFormatter</c> defaults).</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="RedactEmails"/></term><description><c>true</c></description></item>
/// <item><term><see cref="RedactIpAddresses"/></term><description><c>true</c></description></item>
/// <item><term><see cref="OnlyPublicIpAddresses"/></term><description><c>true</c> (private, loopback, link-local, documentation and other reserved ranges stay)</description></item>
/// <item><term><see cref="RedactPhoneNumbers"/></term><description><c>false</c></description></item>
/// <item><term><see cref="EmailReplacements"/></term><description><c>email@example.com</c>, <c>firstname.lastname@example.org</c> (used in turn)</description></item>
/// <item><term><see cref="IpReplacements"/></term><description>datatrove's six non-responding IPv4 addresses, <c>22.214.171.124</c> …</description></item>
/// <item><term><see cref="IpV6Replacements"/></term><description><c>&lt;ipv6&gt;</c> (datatrove has no IPv6 rule)</description></item>
/// <item><term><see cref="PhoneReplacement"/></term><description><c>&lt;phone&gt;</c></description></item>
/// </list>
/// </remarks>
public sealed record PiiRedactorOptions
{
    /// <summary>Whether e-mail addresses are replaced.</summary>
    public bool RedactEmails { get; init; } = true;

    /// <summary>Whether IPv4 and IPv6 addresses are replaced.</summary>
    public bool RedactIpAddresses { get; init; } = true;

    /// <summary>Whether only globally routable addresses are replaced.</summary>
    public bool OnlyPublicIpAddresses { get; init; } = true;

    /// <summary>Whether phone numbers are replaced.</summary>
    public bool RedactPhoneNumbers { get; init; }

    /// <summary>Replacements for e-mail addresses, used in turn within a document.</summary>
    public IReadOnlyList<string> EmailReplacements { get; init; } = ["email@example.com", "firstname.lastname@example.org"];

    /// <summary>Replacements for IPv4 addresses, used in turn within a document.</summary>
    public IReadOnlyList<string> IpReplacements { get; init; } =
        ["22.214.171.124", "126.96.36.199", "188.8.131.52", "184.108.40.206", "220.127.116.11", "18.104.22.168"];

    /// <summary>Replacements for IPv6 addresses, used in turn within a document.</summary>
    public IReadOnlyList<string> IpV6Replacements { get; init; } = ["<ipv6>"];

    /// <summary>Replacement for phone numbers.</summary>
    public string PhoneReplacement { get; init; } = "<phone>";

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A replacement list is empty; the parameter name is the property.</exception>
    public void Validate()
    {
        if (EmailReplacements is not { Count: > 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(EmailReplacements), "At least one replacement is needed.");
        }

        if (IpReplacements is not { Count: > 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(IpReplacements), "At least one replacement is needed.");
        }

        if (IpV6Replacements is not { Count: > 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(IpV6Replacements), "At least one replacement is needed.");
        }

        ArgumentNullException.ThrowIfNull(PhoneReplacement, nameof(PhoneReplacement));
    }
}
