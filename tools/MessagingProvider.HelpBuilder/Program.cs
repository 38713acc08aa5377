using System;
using System.Collections.Generic;
using System.IO;
using MessagingProvider.HelpBuilder;

// Usage: MessagingProvider.HelpBuilder <docs/en-US directory> <output en-US directory>
if (args.Length != 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("Usage: MessagingProvider.HelpBuilder <docs directory> <output directory>");
    return 2;
}

IReadOnlyList<HelpFormatException> errors = HelpBuild.Run(args[0], args[1]);
foreach (HelpFormatException error in errors)
{
    // Standard output in MSBuild's canonical error form: Exec turns each line into a build error.
    Console.WriteLine(error.ToMSBuildError());
}

return errors.Count == 0 ? 0 : 1;
