#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices
{
    // Lets the net472 build use init-only setters.
    internal static class IsExternalInit { }
}
#endif
