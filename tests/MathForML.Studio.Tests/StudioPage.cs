using System.Globalization;
using Microsoft.Playwright;

namespace MathForML.Studio.Tests;

/// <summary>
/// A Studio page open in the browser, recording what went wrong on it: console errors, uncaught exceptions, failed
/// requests and responses with an error status. <see cref="DisposeAsync"/> asserts there were none.
/// </summary>
public sealed class StudioPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly StudioProcess _studio;
    private readonly List<string> _problems = [];

    internal StudioPage(IBrowserContext context, IPage page, StudioProcess studio)
    {
        _context = context;
        _studio = studio;
        Page = page;
        page.Console += (_, m) => { if (m.Type == "error") Problem($"console error: {m.Text}"); };
        page.PageError += (_, e) => Problem($"page error: {e}");
        page.RequestFailed += (_, r) => Problem($"request failed: {r.Url} ({r.Failure})");
        page.Response += (_, r) => { if (r.Status >= 400) Problem($"HTTP {r.Status}: {r.Url}"); };
    }

    /// <summary>The Playwright page.</summary>
    public IPage Page { get; }

    /// <summary>The element with id <paramref name="id"/>.</summary>
    public ILocator ById(string id) => Page.Locator("#" + id);

    /// <summary>The text of the element with id <paramref name="id"/>.</summary>
    public async Task<string> TextAsync(string id) => (await ById(id).InnerTextAsync()).Trim();

    /// <summary>
    /// Moves the slider <paramref name="id"/> with the keyboard: focus it, then press an arrow key <paramref name="steps"/>
    /// times (negative: left), each press once the page has shown the one before it (the slider's output changes with
    /// its value), as a hand on the keys does. Pressed faster than the server renders, a key could reach Blazor for an
    /// event handler that a newer render has already replaced ("There is no event handler associated with this event"),
    /// which failed a page test now and then.
    /// </summary>
    public async Task SlideAsync(string id, int steps)
    {
        var slider = ById(id);
        var output = Page.Locator($"output[for='{id}']");
        await slider.FocusAsync();
        for (int i = 0; i < Math.Abs(steps); i++)
        {
            string shown = await output.InnerTextAsync(), value = await slider.InputValueAsync();
            await slider.PressAsync(steps > 0 ? "ArrowRight" : "ArrowLeft");
            if (await slider.InputValueAsync() != value) await Assertions.Expect(output).Not.ToHaveTextAsync(shown);
        }
    }

    /// <summary>
    /// Clicks the figure <paramref name="figure"/> (its <c>data-figure</c> name) at a point given as fractions of its
    /// width and height from the top-left corner.
    /// </summary>
    public async Task ClickFigureAsync(string figure, double fx, double fy)
    {
        var (x, y) = await FigurePointAsync(figure, fx, fy);
        await Page.Mouse.ClickAsync((float)x, (float)y);
    }

    /// <summary>
    /// Drags on the figure <paramref name="figure"/> from one point to another (fractions of its width and height from
    /// the top-left corner) in <paramref name="steps"/> moves, as a hand does.
    /// </summary>
    public async Task DragFigureAsync(string figure, (double X, double Y) from, (double X, double Y) to, int steps = 8)
    {
        var (x0, y0) = await FigurePointAsync(figure, from.X, from.Y);
        var (x1, y1) = await FigurePointAsync(figure, to.X, to.Y);
        await Page.Mouse.MoveAsync((float)x0, (float)y0);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync((float)x1, (float)y1, new MouseMoveOptions { Steps = steps });
        await Page.Mouse.UpAsync();
    }

    private async Task<(double X, double Y)> FigurePointAsync(string figure, double fx, double fy)
    {
        var area = Page.Locator($"[data-figure={figure}] .plot-area");
        await area.ScrollIntoViewIfNeededAsync();
        var box = await area.BoundingBoxAsync() ?? throw new InvalidOperationException($"figure {figure} is not shown");
        return (box.X + fx * box.Width, box.Y + fy * box.Height);
    }

    /// <summary>Saves a screenshot of the page as <c>screenshots/NAME.png</c> beside the tests (and in <c>MML_STUDIO_SCREENSHOTS</c> when set).</summary>
    public async Task ScreenshotAsync(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (Environment.GetEnvironmentVariable("MML_STUDIO_SCREENSHOTS") is { Length: > 0 } docs)
        {
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, name + ".png"), overwrite: true);
        }
    }

    /// <summary>Formats a number as the Studio shows it.</summary>
    public static string F(double x, string format = "0.00") => x.ToString(format, CultureInfo.InvariantCulture);

    private void Problem(string text)
    {
        lock (_problems) _problems.Add(text);
    }

    /// <summary>Closes the page; fails when anything went wrong on it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        string[] problems;
        lock (_problems) problems = [.. _problems];
        Assert.True(problems.Length == 0, "the page had problems:\n" + string.Join('\n', problems) + "\nstudio stderr:\n" + _studio.Stderr);
    }
}
