using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace MessagingProvider.Security;

/// <summary>Moves secrets between SecureString and bytes without leaving managed strings behind.</summary>
public static class SecretConversion
{
    public static byte[] ToUtf8Bytes(SecureString secure)
    {
        IntPtr unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secure);
        char[] chars = new char[secure.Length];
        try
        {
            Marshal.Copy(unmanaged, chars, 0, chars.Length);
            return Encoding.UTF8.GetBytes(chars);
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
            Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
        }
    }

    public static SecureString ToSecureString(byte[] utf8)
    {
        char[] chars = Encoding.UTF8.GetChars(utf8);
        try
        {
            var secure = new SecureString();
            foreach (char c in chars) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
        }
    }

    /// <summary>For APIs that only take a string (certificate loading): keep the result short-lived.</summary>
    internal static string ToPlainString(SecureString secure)
    {
        IntPtr unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try
        {
            return Marshal.PtrToStringUni(unmanaged) ?? "";
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
        }
    }
}
