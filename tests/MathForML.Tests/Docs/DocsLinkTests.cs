using System.Text.RegularExpressions;

namespace MathForML.Tests.Docs;

/// <summary>
/// The documentation's relative links and pictures point at files in the repository, and every notebook is linked
/// from a page of <c>docs/</c>.
/// </summary>
public partial class DocsLinkTests
{
    private static readonly string Root = RepositoryRoot.Path;


    /// <summary>README.md and every docs/*.md.</summary>
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md" };
        foreach (var page in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
            pages.Add(Path.GetRelativePath(Root, page).Replace('\\', '/'));
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void RelativeLinksAndImagesExist(string page)
    {
        var path = Path.Combine(Root, page);
        var links = RelativeLinks(File.ReadAllText(path));
        Assert.NotEmpty(links);
        var broken = links.Where(l => !Exists(Resolve(path, l))).ToArray();
        Assert.True(broken.Length == 0, $"{page}: broken links: {string.Join(", ", broken)}");
    }

    [Fact]
    public void EveryNotebookIsLinkedFromTheDocs()
    {
        var linked = Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")
            .SelectMany(page => RelativeLinks(File.ReadAllText(page)).Select(l => Path.GetFullPath(Resolve(page, l))))
            .ToHashSet(StringComparer.Ordinal);
        var notebooks = Directory.GetFiles(Path.Combine(Root, "notebooks"), "*.cs");
        Assert.NotEmpty(notebooks);
        var missing = notebooks.Where(n => !linked.Contains(Path.GetFullPath(n))).Select(Path.GetFileName).ToArray();
        Assert.True(missing.Length == 0, $"notebooks not linked from any docs/*.md page: {string.Join(", ", missing)}");
    }

    [Fact]
    public void TheCheckFindsABrokenLink()
    {
        using var work = new TempDirectory();
        work.Write("there.md", "x");
        var page = work.Write("page.md", """
            See [here](there.md#top), ![a picture](images/missing.png) and [the web](https://example.org).
            `[not a link](inline.md)`

            ```csharp
            var s = "[not a link either](fenced.md)";
            ```
            [ref]: ./there.md
            """);
        var links = RelativeLinks(File.ReadAllText(page));
        Assert.Equal(["there.md#top", "images/missing.png", "./there.md"], links);
        Assert.Equal(["images/missing.png"], links.Where(l => !Exists(Resolve(page, l))));
    }

    /// <summary>The targets of the Markdown links, images and link definitions outside code, minus URLs and anchors.</summary>
    internal static string[] RelativeLinks(string markdown)
    {
        var text = InlineCode().Replace(FencedCode().Replace(markdown, ""), "");
        return InlineLink().Matches(text).Select(m => m.Groups["target"].Value)
            .Concat(LinkDefinition().Matches(text).Select(m => m.Groups["target"].Value))
            .Concat(HtmlImage().Matches(text).Select(m => m.Groups["target"].Value))
            .Where(t => !t.StartsWith('#') && !UrlScheme().IsMatch(t))
            .ToArray();
    }

    private static string Resolve(string page, string link)
    {
        var target = Uri.UnescapeDataString(link.Split('#')[0]);
        return Path.Combine(Path.GetDirectoryName(page)!, target);
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    [GeneratedRegex(@"^ {0,3}(```|~~~).*?^ {0,3}\1", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[[^\]\n]*\]\(\s*<?(?<target>[^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[[^\]\n]+\]:\s*<?(?<target>[^\s>]+)>?", RegexOptions.Multiline)]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"<img\s[^>]*src=""(?<target>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlImage();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UrlScheme();
}
