using CurationPipeline.Filters.Pii;

namespace CurationPipeline.Tests.Filters;

public sealed class PiiRedactorTests
{
    private static readonly PiiRedactor s_redactor = new(new PiiRedactorOptions());

    [Fact]
    public void Redact_Emails_ReplacedInTurnAndCounted()
    {
        PiiRedaction r = s_redactor.Redact("Write to John.Smith@Example.com, jane@mail.example.org or bob+x@a-b.co.uk today.");
        Assert.Equal("Write to email@example.com, firstname.lastname@example.org or email@example.com today.", r.Text);
        Assert.Equal(3, r.Emails);
        Assert.Equal(3, r.Total);
    }

    [Theory]
    [InlineData("Server 8.8.8.8 answered.", "Server 22.214.171.124 answered.", 1)]
    [InlineData("Hosts 10.0.0.1, 192.168.1.1, 172.16.5.4, 127.0.0.1, 169.254.1.1, 100.64.0.1 and 203.0.113.9 stay.", null, 0)]
    [InlineData("Version 1.2.3.4.5 and 1.2.3.456 are not addresses.", null, 0)]
    [InlineData("Two: 8.8.8.8 and 1.1.1.1.", "Two: 22.214.171.124 and 126.96.36.199.", 2)] // trailing period is not part of it
    [InlineData("IPv6 2606:4700:4700::1111 is public.", "IPv6 <ipv6> is public.", 1)]
    [InlineData("Local fe80::1, fd00::2, ::1 and 2001:db8::5 stay.", null, 0)]
    [InlineData("C++ std::vector and 12:30:45 are not addresses.", null, 0)]
    public void Redact_IpAddresses_OnlyPublicOnesReplaced(string text, string? expected, int count)
    {
        PiiRedaction r = s_redactor.Redact(text);
        Assert.Equal(expected ?? text, r.Text);
        Assert.Equal(count, r.IpAddresses);
    }

    [Fact]
    public void Redact_AllIpsOption_ReplacesPrivateToo()
    {
        var redactor = new PiiRedactor(new PiiRedactorOptions { OnlyPublicIpAddresses = false });
        Assert.Equal(1, redactor.Redact("Router at 192.168.1.1.").IpAddresses);
    }

    [Fact]
    public void Redact_PhoneNumbers_OffByDefaultOnWhenAsked()
    {
        const string text = "Call +1 415 555 0123 or (020) 7946 0958.";
        PiiRedaction off = s_redactor.Redact(text);
        Assert.Same(text, off.Text);
        Assert.Equal(0, off.PhoneNumbers);
        PiiRedaction on = new PiiRedactor(new PiiRedactorOptions { RedactPhoneNumbers = true }).Redact(text);
        Assert.Equal("Call <phone> or <phone>.", on.Text);
        Assert.Equal(2, on.PhoneNumbers);
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("100.63.255.255", true)] // just below the shared 100.64/10 range
    [InlineData("100.64.0.0", false)]
    [InlineData("172.32.0.1", true)] // just above 172.16/12
    [InlineData("172.31.255.255", false)]
    [InlineData("not-an-ip", false)]
    public void IsPublic_RangeBoundaries(string address, bool expected) => Assert.Equal(expected, PiiRedactor.IsPublic(address));
}
