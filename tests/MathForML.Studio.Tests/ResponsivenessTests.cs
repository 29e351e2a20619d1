using System.Text.Json;

namespace MathForML.Studio.Tests;

/// <summary>
/// Issue 19's "responsive": every page fits a narrow window (no sideways scrolling of the page itself: wide figures
/// scroll inside their section), and an interaction on a course-sized problem answers within 100 ms, measured in the
/// browser from the input event to the changed text.
/// </summary>
[Collection("studio")]
public sealed class ResponsivenessTests(StudioFixture studio)
{
    [BrowserFact]
    public async Task EveryPageFitsANarrowWindow()
    {
        foreach (var page in StudioPages.All)
        {
            await using var open = await studio.OpenAsync(page.Route, width: 420, height: 900);
            var (scroll, client) = await Widths(open);
            Assert.True(scroll <= client + 1, $"{page.Route}: the page is {scroll} px wide in a {client} px window");
        }
    }

    [BrowserFact]
    public async Task SliderInteractionsAnswerWithin100Milliseconds()
    {
        (string Route, string Slider, string Watched)[] cases =
        [
            ("pagerank", "damping", "ranks"),
            ("mean-covariance", "a12", "mean-data"),
            ("knn", "k", "training"),
        ];
        foreach (var (route, slider, watched) in cases)
        {
            await using var page = await studio.OpenAsync(route);
            var times = new List<double>();
            for (int i = 0; i < 7; i++)
                times.Add(await page.Page.EvaluateAsync<double>(MeasureScript, new[] { slider, watched }));
            times.Sort();
            double median = times[times.Count / 2];
            Assert.True(median < 100, $"{route}: moving {slider} took a median {median:F0} ms to change #{watched} ({string.Join(", ", times.Select(t => t.ToString("F0")))})");
        }
    }

    /// <summary>Moves the slider one step (down, or up at its minimum) and resolves with the milliseconds until the watched element's text changes.</summary>
    private const string MeasureScript = """
        ([sliderId, watchedId]) => new Promise((resolve, reject) => {
            const slider = document.getElementById(sliderId);
            const watched = document.getElementById(watchedId);
            const before = watched.textContent;
            const observer = new MutationObserver(() => {
                if (watched.textContent !== before) { observer.disconnect(); resolve(performance.now() - start); }
            });
            observer.observe(watched, { childList: true, subtree: true, characterData: true });
            setTimeout(() => { observer.disconnect(); reject(new Error(`#${watchedId} did not change`)); }, 5000);
            const step = parseFloat(slider.step), value = parseFloat(slider.value);
            slider.value = String(value - step >= parseFloat(slider.min) ? value - step : value + step);
            const start = performance.now();
            slider.dispatchEvent(new Event('input', { bubbles: true }));
        })
        """;

    private static async Task<(int Scroll, int Client)> Widths(StudioPage page)
    {
        var json = await page.Page.EvaluateAsync<JsonElement>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (json[0].GetInt32(), json[1].GetInt32());
    }
}
