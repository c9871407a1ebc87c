using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CurationPipeline.Filters.Pii;

/// <summary>Replaces e-mail addresses, public IP addresses and (optionally) phone numbers with placeholders (datatrove's <c>PIIFormatter</c>).</summary>
/// <remarks>
/// <para>Order: e-mails, then IPv4, then IPv6, then phone numbers. Replacements cycle per document, starting from the first
/// for every document (datatrove keeps one counter across documents, which makes output depend on scheduling).</para>
/// <para>E-mail: datatrove's RFC 5322-style pattern, but case-insensitive (datatrove's lower-case-only pattern misses
/// <c>John.Smith@Example.com</c>). IPv4: datatrove's dotted-quad pattern, but not inside a longer dotted number (<c>1.2.3.4.5</c>,
/// version strings); "public" means Python's <c>ip_address(...).is_global</c> ranges: not 0/8, 10/8, 100.64/10, 127/8,
/// 169.254/16, 172.16/12, 192.0.0/24, 192.0.2/24, 192.168/16, 198.18/15, 198.51.100/24, 203.0.113/24, 240/4.
/// IPv6 (not in datatrove): a colon-separated candidate that <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> accepts, public
/// unless in 0000::/8 (unspecified, loopback, IPv4-mapped and -compatible), link-local fe80::/10, unique-local fc00::/7, multicast ff00::/8, documentation
/// 2001:db8::/32 or 2001::/23. Phone numbers (off by default): 9 to 15 digits in the usual groupings with an optional
/// <c>+</c> country code. Every pattern has a 1 s timeout per document; on a timeout that kind is left unredacted and the
/// count is -1, so the caller can count it. Thread-safe.</para>
/// </remarks>
public sealed partial class PiiRedactor
{
    private readonly PiiRedactorOptions _options;

    /// <summary>Creates the redactor.</summary>
    /// <param name="options">What to redact; validated.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public PiiRedactor(PiiRedactorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options with
        {
            EmailReplacements = [.. options.EmailReplacements],
            IpReplacements = [.. options.IpReplacements],
            IpV6Replacements = [.. options.IpV6Replacements],
        };
    }

    /// <summary>Redacts <paramref name="text"/>.</summary>
    /// <param name="text">The document text.</param>
    /// <returns>The redacted text and the counts (-1 for a kind whose pattern timed out).</returns>
    public PiiRedaction Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        PiiRedactorOptions o = _options;
        int emails = 0, ips = 0, phones = 0;
        if (o.RedactEmails && text.Contains('@'))
        {
            (text, emails) = Replace(text, EmailRegex(), o.EmailReplacements, static _ => true);
        }

        if (o.RedactIpAddresses)
        {
            Func<string, bool> keep = o.OnlyPublicIpAddresses ? IsPublic : static _ => true;
            (text, int v4) = Replace(text, IpV4Regex(), o.IpReplacements, keep);
            int v6 = 0;
            if (text.Contains(':'))
            {
                (text, v6) = Replace(text, IpV6Regex(), o.IpV6Replacements, s => IsIpV6(s) && keep(s));
            }

            ips = v4 < 0 || v6 < 0 ? -1 : v4 + v6;
        }

        if (o.RedactPhoneNumbers)
        {
            (text, phones) = Replace(text, PhoneRegex(), [o.PhoneReplacement], static _ => true);
        }

        return new PiiRedaction(text, emails, ips, phones);
    }

    /// <summary>Whether <paramref name="address"/> parses as an IP address in a globally routable range.</summary>
    /// <param name="address">An IPv4 or IPv6 address in text form.</param>
    /// <returns><c>true</c> for a public address; <c>false</c> for a reserved one or text that is not an address.</returns>
    public static bool IsPublic(string address)
    {
        if (!IPAddress.TryParse(address, out IPAddress? ip))
        {
            return false;
        }

        Span<byte> b = stackalloc byte[16];
        ip.TryWriteBytes(b, out int written);
        if (ip.AddressFamily == AddressFamily.InterNetwork && written == 4)
        {
            return !(b[0] is 0 or 10 or 127 || b[0] >= 240
                || (b[0] == 100 && (b[1] & 0xC0) == 64)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 198 && (b[1] & 0xFE) == 18)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        return !(b[0] == 0
            || ip.IsIPv6LinkLocal || ip.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] <= 0x01));
    }

    /// <summary>A candidate is an IPv6 address when it parses as one and has at least two non-empty groups (so <c>std::</c> is not).</summary>
    private static bool IsIpV6(string candidate)
    {
        int groups = 0;
        foreach (Range group in candidate.AsSpan().Split(':'))
        {
            groups += group.GetOffsetAndLength(candidate.Length).Length == 0 ? 0 : 1;
        }

        return groups >= 2 && IPAddress.TryParse(candidate, out IPAddress? ip) && ip.AddressFamily == AddressFamily.InterNetworkV6;
    }

    private static (string Text, int Count) Replace(string text, Regex regex, IReadOnlyList<string> replacements, Func<string, bool> accept)
    {
        int count = 0;
        try
        {
            string result = regex.Replace(text, match =>
            {
                if (!accept(match.Value))
                {
                    return match.Value;
                }

                return replacements[count++ % replacements.Count];
            });
            return (result, count);
        }
        catch (RegexMatchTimeoutException)
        {
            return (text, -1);
        }
    }

    [GeneratedRegex(
        @"\b[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?|\[(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?|[a-z0-9-]*[a-z0-9]:)\])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(
        @"(?<![0-9.])(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)(?![0-9]|\.[0-9])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IpV4Regex();

    [GeneratedRegex(
        @"(?<![0-9a-f:])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|(?:[0-9]{1,3}\.){3}[0-9]{1,3})?(?![0-9a-f:])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IpV6Regex();

    [GeneratedRegex(
        @"(?<![\w+])(?:\+[1-9][0-9]{0,2}[ .-]?)?(?:\([0-9]{2,4}\)[ .-]?|[0-9]{2,4}[ .-])[0-9]{3,4}[ .-]?[0-9]{3,4}(?!\w)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhoneRegex();
}
