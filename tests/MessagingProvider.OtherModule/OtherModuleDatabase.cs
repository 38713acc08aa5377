using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace OtherVendor.Authentication;

/// <summary>
/// What another module does with its own SQLite: its native e_sqlite3 found beside its assembly
/// (a resolver on its provider, as such modules set one), a database opened, the engine's version read.
/// </summary>
public static class OtherModuleDatabase
{
    private static bool _ready;

    public static string SqliteVersion(string path)
    {
        if (!_ready)
        {
            NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, Resolve);
            SQLitePCL.Batteries_V2.Init();
            _ready = true;
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS t (x); INSERT INTO t VALUES (1); SELECT sqlite_version();";
        return (string)command.ExecuteScalar()!;
    }

    public static string CoreVersion => typeof(SQLitePCL.raw).Assembly.GetName().Version!.ToString();

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        string rid = (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        string file = OperatingSystem.IsWindows() ? "e_sqlite3.dll" : OperatingSystem.IsMacOS() ? "libe_sqlite3.dylib" : "libe_sqlite3.so";
        string candidate = Path.Combine(Path.GetDirectoryName(assembly.Location)!, "runtimes", rid, "native", file);
        return File.Exists(candidate) ? NativeLibrary.Load(candidate) : IntPtr.Zero;
    }
}
