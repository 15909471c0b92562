; Inno Setup 6.3+ script: the Windows installer of 政策解读工作台.
; Build the PyInstaller folder first (see README.md, "Installing" → Windows), then from the
; repository root:
;
;     iscc packaging\windows\interpreter-app.iss
;
; Output: dist\interpreter-app-<version>-windows-x64-setup.exe
;
; Languages: English (Default.isl) always. Simplified Chinese is used when the unofficial
; translation "ChineseSimplified.isl" has been copied into Inno Setup's Languages folder
; (https://jrsoftware.org/files/istrans/); Inno Setup does not ship it. The shortcut names and
; the install folder are Chinese in either case.

#define AppName "政策解读工作台"
#define AppNameEn "Policy Interpretation Workbench"
#define AppExe "interpreter-app.exe"
#define Bundle "..\..\dist\interpreter-app"
#ifndef AppVersion
  ; the ProductVersion written into the executable from packaging\windows\version_info.txt
  #define AppVersion GetStringFileInfo(AddBackslash(SourcePath) + Bundle + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error "dist\interpreter-app\interpreter-app.exe is missing or has no version: run pyinstaller first"
#endif

[Setup]
AppId={{BCD14350-6446-4F60-97F9-59C34B800B6D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for all users with administrator rights, or for the current user without them.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 or later.
MinVersion=10.0.17763
SetupIconFile=..\..\build\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=interpreter-app-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} {#AppVersion} 安装程序

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma message "Languages\ChineseSimplified.isl not found: the installer's own texts will be English"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{#AppNameEn}"
Name: "{group}\卸载{#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder. The database (%LOCALAPPDATA%\interpreter-app) and the settings
; (HKEY_CURRENT_USER\Software\InterpreterApp) stay, so a reinstall finds the data again.
Type: filesandordirs; Name: "{app}"
