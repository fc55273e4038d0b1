namespace CitySort.Cli.Tests;

/// <summary>An empty directory under the temporary folder, deleted on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    /// <summary>Creates the directory.</summary>
    public ScratchDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "citysort-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The directory's absolute path.</summary>
    public string Path { get; }

    /// <summary>A path inside the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a process that is ending; the temporary folder is cleaned by the system.
        }
    }
}
