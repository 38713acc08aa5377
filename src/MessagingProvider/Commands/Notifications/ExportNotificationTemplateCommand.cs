using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Templates;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Writes templates to a folder as a starting point for your own: &lt;Path&gt;/&lt;culture&gt;/&lt;Event&gt;.subject.txt,
/// .html and .txt — the built-in ones (-BuiltIn), or the ones in effect (the store's own where it has them).
/// </summary>
[Cmdlet(VerbsData.Export, "NotificationTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = StoreSet)]
[OutputType(typeof(FileInfo))]
public sealed class ExportNotificationTemplateCommand : MessagingProviderCmdlet
{
    private const string StoreSet = "Store";
    private const string BuiltInSet = "BuiltIn";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = StoreSet)]
    [ArgumentCompleter(typeof(Completers.IdentityStoreCompleter))]
    [ValidateNotNullOrEmpty]
    public string IdentityStore { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = BuiltInSet)]
    public SwitchParameter BuiltIn { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter]
    public NotificationEvent[]? Event { get; set; }

    /// <summary>Store templates only: the templates recipients asking for this culture get.</summary>
    [Parameter(ParameterSetName = StoreSet)]
    [ValidateNotNullOrEmpty]
    public string? Culture { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            string folder = ResolveFilePath(Path);
            CultureInfo? culture = BuiltIn || Culture is null ? null : TemplateCultures.Require(Culture, nameof(Culture));
            IdentityStoreDocument? document = BuiltIn ? null : Store.Get(IdentityStore);
            foreach (TemplateExport export in TemplateCatalog.ForExport(document, Event ?? TemplateCatalog.AllEvents, culture))
            {
                if (!ShouldProcess(System.IO.Path.Combine(folder, export.CultureFolder), $"Write the {export.Event} template")) continue;
                foreach (string file in NotificationTemplateChanges.Export(folder, export.Event, export.CultureFolder, export.Template, Force)) WriteObject(new FileInfo(file));
            }
        });
    }
}
