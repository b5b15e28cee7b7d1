namespace DominantColors.Outputs.Console;

/// <summary>Whether the console output draws true-color swatches.</summary>
internal enum ConsoleColorMode
{
    /// <summary>Swatches when standard output is a terminal and <c>NO_COLOR</c> is unset; plain text otherwise.</summary>
    Auto,

    Always,

    Never,
}
