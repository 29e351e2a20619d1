using Microsoft.Playwright;

namespace MathForML.Studio.Tests;

/// <summary>
/// One <c>mml studio</c> process and one headless Chromium for all the browser tests (started on first use): each test
/// opens its own page (<see cref="OpenAsync"/>) at 1280×800.
/// </summary>
public sealed class StudioFixture : IAsyncLifetime
{
    private StudioProcess? _studio;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The Studio's address.</summary>
    public Uri Url => _studio!.Url;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (Chromium.Path is null) return;   // every test is skipped (or, in CI, fails in OpenAsync)
        _studio = StudioProcess.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>Opens the Studio page <paramref name="route"/> and waits until it is interactive.</summary>
    public async Task<StudioPage> OpenAsync(string route, int width = 1280, int height = 800)
    {
        Assert.True(_browser is not null, "no Chromium: install Debian's chromium package (apt-get install chromium) or set MML_CHROMIUM");
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var studioPage = new StudioPage(context, page, _studio!);
        await page.GotoAsync(new Uri(Url, route).ToString());
        await page.Locator(".studio[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        return studioPage;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _studio?.Dispose();
    }
}

/// <summary>The browser tests share one Studio and one browser.</summary>
[CollectionDefinition("studio")]
public sealed class StudioCollection : ICollectionFixture<StudioFixture>;
