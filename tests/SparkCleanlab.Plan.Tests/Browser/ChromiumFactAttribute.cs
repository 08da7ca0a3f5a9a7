namespace SparkCleanlab.Plan.Tests.Browser;

/// <summary>A fact that needs a headless Chromium: skipped, with the way to get one, when none is found.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Find() is null)
        {
            Skip = "No Chromium found ($CHROMIUM when set, otherwise chromium, chromium-browser, google-chrome or google-chrome-stable on PATH): install Debian's chromium package with 'apt-get install -y chromium'.";
        }
    }
}
