using Microsoft.AspNetCore.Identity;

namespace CitySort.Security;

/// <summary>
/// The words, in Chinese and English, for the errors of user accounts and sign-in (Identity error codes and
/// CitySort's own), so that a clerk reads what to do rather than a code.
/// </summary>
public static class IdentityTexts
{
    private static readonly Dictionary<string, (string Zh, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["PasswordTooShort"] = ($"密码太短：至少需要 {IdentitySetup.MinimumPasswordLength} 个字符。", $"The password is too short: it needs at least {IdentitySetup.MinimumPasswordLength} characters."),
        [BreachedPasswordValidator.ErrorCode] = ("这个密码太常见，已出现在泄露的密码表中，请换一个。", "This password is too common (it is on a list of leaked passwords); please choose another."),
        ["DuplicateUserName"] = ("这个用户名已被使用。", "This user name is taken."),
        ["InvalidUserName"] = ("用户名无效：请用 1 到 64 个字符，不含空格。", "The user name is invalid: use 1 to 64 characters without spaces."),
        ["PasswordMismatch"] = ("用户名或密码不正确。", "The user name or the password is wrong."),
        ["SignInFailed"] = ("用户名或密码不正确。", "The user name or the password is wrong."),
        ["LockedOut"] = ($"连续 {IdentitySetup.MaxFailedAttempts} 次输入错误，账户已锁定 {IdentitySetup.LockoutMinutes} 分钟，请稍后再试或联系管理员。", $"After {IdentitySetup.MaxFailedAttempts} wrong attempts the account is locked for {IdentitySetup.LockoutMinutes} minutes; try again later or ask an administrator."),
        ["SetupLinkInvalid"] = ("设置链接无效或已过期：请重新启动服务以获得新的链接，或用命令行添加管理员。", "The set-up link is invalid or has expired: restart the server for a new link, or add an administrator on the command line."),
        ["UnknownUser"] = ("没有这个用户名的账户。", "There is no account of this user name."),
        ["InvalidLoginKey"] = ($"统一身份认证标识无效：请用 1 到 {ExternalLogins.MaxKeyLength} 个字符。", $"The single sign-on identity is invalid: use 1 to {ExternalLogins.MaxKeyLength} characters."),
        ["LoginAlreadyAssociated"] = ("这个统一身份认证标识已关联到另一个账户：", "This single sign-on identity is already linked to another account:"),
        ["LoginNotLinked"] = ("这个统一身份认证标识没有关联到这个账户。", "This single sign-on identity is not linked to this account."),
        ["SsoUnknownIdentity"] = ("您的统一身份认证账户还没有关联 CitySort 账户，未能登录。请联系系统管理员开通。", "Your single sign-on identity is not linked to a CitySort account, so you were not signed in. Ask the system administrator to link one."),
        ["SsoFailed"] = ("统一身份认证登录未成功，请重试，或用用户名和密码登录。", "Signing in through the single sign-on did not succeed; try again, or sign in with your user name and password."),
        ["SsoNotConfigured"] = ("本系统没有配置统一身份认证。", "No single sign-on is configured for this server."),
        ["DistrictRequired"] = ("区级工作人员至少需要一个区（--district 区划代码）。", "A district officer needs at least one district (--district CODE)."),
        ["HaulerRequired"] = ("收运单位账户需要指定收运单位（--hauler 代码）。", "A hauler account needs its hauler (--hauler CODE)."),
        ["UnknownDistrict"] = ("登记册中没有这个区划代码。", "The registry has no district of this code."),
        ["UnknownUser"] = ("没有这个用户名的账户。", "There is no account of this user name."),
        ["LastAdministrator"] = ("这是最后一个可用的城市管理员账户，不能改变其角色或停用它：请先添加另一个管理员。", "This is the last enabled city administrator account; its role cannot be changed nor the account disabled. Add another administrator first."),
        ["UnknownRole"] = ("没有这个角色：可用 admin、officer、district、hauler、inspector。", "There is no such role: use admin, officer, district, hauler or inspector."),
    };

    /// <summary>The Chinese and English words for <paramref name="code"/>; the code itself for one not listed.</summary>
    /// <param name="code">An Identity error code (such as <c>PasswordTooShort</c>) or one of CitySort's.</param>
    public static (string Zh, string En) For(string code) => Texts.TryGetValue(code, out var text) ? text : (code, code);

    /// <summary>The words for an Identity error: its code's words, else its own description in both languages.</summary>
    /// <param name="error">An error of a failed Identity operation.</param>
    public static (string Zh, string En) For(IdentityError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Texts.TryGetValue(error.Code, out var text) ? text : (error.Description, error.Description);
    }
}
