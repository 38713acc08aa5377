using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Fluid;
using Fluid.Values;
using MessagingProvider.Errors;

namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// Parses (once, cached) and checks notification templates. Fluid is sandboxed by construction:
/// no file provider (include/render find nothing), no code, no network; the limits below stop a
/// runaway loop.
/// </summary>
public static class LiquidTemplates
{
    /// <summary>Per template part (subject, HTML, text).</summary>
    public const int MaxLength = 256 * 1024;

    private static readonly FluidParser Parser = new FluidParser();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Cache = new ConcurrentDictionary<string, IFluidTemplate>(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TemplateOptions> OptionsByCulture = new ConcurrentDictionary<string, TemplateOptions>(StringComparer.OrdinalIgnoreCase);

    public static TemplateOptions Options(CultureInfo culture) => OptionsByCulture.GetOrAdd(culture.Name, _ => new TemplateOptionsBuilder()
        .WithCultureInfo(culture)
        .WithModelNamesComparer(StringComparer.OrdinalIgnoreCase)
        .WithMaxSteps(200_000)
        .WithMaxRecursion(20)
        .WithMaxOutputSize(4 * MaxLength)
        .WithMaxCollectionSize(10_000)
        .Build());

    /// <summary>The parsed template; a syntax error is <see cref="ErrorIds.NotificationTemplateInvalid"/> with line and column.</summary>
    public static IFluidTemplate Parse(string source, string part)
    {
        if (Cache.TryGetValue(source, out IFluidTemplate? cached)) return cached;
        CheckLength(source, part);
        IFluidTemplate template;
        try
        {
            template = Parser.Parse(source);
        }
        catch (ParseException e)
        {
            string where = e.Position is { } p ? $" at line {p.Line}, column {p.Column}" : "";
            throw new MessagingProviderException(ErrorIds.NotificationTemplateInvalid, ErrorKind.InvalidArgument,
                $"The {part} template has a Liquid syntax error{where}: {FirstLine(e.Message)}", part, e)
            {
                Data = { ["Line"] = e.Position?.Line, ["Column"] = e.Position?.Column },
            };
        }

        if (Cache.Count > 500) Cache.Clear();
        Cache[source] = template;
        return template;
    }

    public static void CheckLength(string source, string part)
    {
        int bytes = Encoding.UTF8.GetByteCount(source);
        if (bytes > MaxLength)
        {
            throw new MessagingProviderException(ErrorIds.NotificationTemplateTooLarge, ErrorKind.InvalidArgument,
                $"The {part} template is {bytes / 1024} KB; a template part may be at most {MaxLength / 1024} KB. Move large images or style sheets out of the template (link to them).", part);
        }
    }

    /// <summary>
    /// Top-level variables the template reads that no notification provides (a typo such as
    /// {{ obejct }}). Properties of objects are not checked: they are whatever was piped in.
    /// </summary>
    public static IReadOnlyList<string> UnknownVariables(string source, string part)
    {
        IFluidTemplate template = Parse(source, part);
        var unknown = new List<string>();
        var options = new TemplateOptionsBuilder()
            .WithModelNamesComparer(StringComparer.OrdinalIgnoreCase)
            .WithMaxSteps(200_000)
            .WithUndefined((path, _) =>
            {
                string top = path.Split('.', '[')[0];
                if (!TemplateVariables.IsKnown(top) && !unknown.Contains(top)) unknown.Add(top);
                return new ValueTask<FluidValue>(NilValue.Instance);
            })
            .Build();
        var context = new TemplateContext(options);
        var sample = new NotificationRequest { Target = new DirectoryObject { Name = "sample" } };
        TemplateVariables.Set(context, new TemplateData("sample", sample, null, CultureInfo.InvariantCulture));
        try
        {
            template.Render(context);
        }
        catch (Exception e) when (e is FluidException || e is InvalidOperationException)
        {
            // Rendering with sample data may fail (a filter on an empty value); only the names matter here.
        }

        return unknown;
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end);
    }
}
