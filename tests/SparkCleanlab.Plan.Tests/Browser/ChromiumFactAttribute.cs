namespace SparkCleanlab.Plan.Tests.Browser;

/// <summary>A fact that needs a headless Chromium: skipped, with the way to get one, when none is found.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Find() is null)
        {
            Skip = "No Chromium found (looked for $CHROMIUM, then chromium, chromium-browser, google-chrome on PATH): install Debian's chromium package with 'apt-get install -y chromium'.";
        }
    }
}
