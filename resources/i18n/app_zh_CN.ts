<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Policy Interpretation Workbench</source>
        <translation>政策解读工作台</translation>
    </message>
    <message>
        <source>Licence of the bundled font (Interp Sans SC, a subset of Noto Sans CJK SC):</source>
        <translation>随附字体许可（Interp Sans SC，为 Noto Sans CJK SC 的子集）：</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>SIL Open Font License 1.1 (the licence file is missing: {path})</source>
        <translation>SIL 开源字体许可协议 1.1（许可文件缺失：{path}）</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator, who then adds departments and users.</source>
        <translation>该数据库尚无用户。请先创建管理员，再由管理员添加部门和用户。</translation>
    </message>
    <message>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordForm</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <source>Leaders&apos; signing keys are sealed again under the new password.</source>
        <translation>签发领导的签名密钥将改用新密码加密保存。</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>DepartmentForm</name>
    <message>
        <source>New department</source>
        <translation>新增部门</translation>
    </message>
    <message>
        <source>e.g. 江海省人力资源和社会保障厅</source>
        <translation>如：江海省人力资源和社会保障厅</translation>
    </message>
    <message>
        <source>e.g. 江人社发</source>
        <translation>如：江人社发</translation>
    </message>
    <message>
        <source>The issuer code used in document numbers such as 江人社发〔2026〕12号</source>
        <translation>发文字号中使用的机关代字，如“江人社发〔2026〕12号”中的“江人社发”</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Issuer code</source>
        <translation>机关代字</translation>
    </message>
    <message>
        <source>Create department</source>
        <translation>创建部门</translation>
    </message>
    <message>
        <source>Department not created</source>
        <translation>未能创建部门</translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <source>Departments</source>
        <translation>部门管理</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Issuer code</source>
        <translation>机关代字</translation>
    </message>
    <message>
        <source>Add department…</source>
        <translation>新增部门…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Press pack</source>
        <translation>对外发布包</translation>
    </message>
    <message>
        <source>Public parts for release, with index and manifest</source>
        <translation>对外公开的全部内容，含目录和清单</translation>
    </message>
    <message>
        <source>Briefing pack</source>
        <translation>内部材料包</translation>
    </message>
    <message>
        <source>Adds the plan and the internal materials</source>
        <translation>另含解读方案和内部材料</translation>
    </message>
    <message>
        <source>Both packs</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Press pack and briefing pack together</source>
        <translation>对外发布包和内部材料包一并导出</translation>
    </message>
    <message>
        <source>Draft Word files</source>
        <translation>草稿 Word 文件</translation>
    </message>
    <message>
        <source>One Word file per part, marked as draft when not signed</source>
        <translation>每部分一个 Word 文件；未签发时标注为草稿</translation>
    </message>
    <message>
        <source>Export package</source>
        <translation>导出解读包</translation>
    </message>
    <message>
        <source>Pack into one .zip file</source>
        <translation>打包为一个 .zip 文件</translation>
    </message>
    <message>
        <source>This package is not signed yet: only draft Word files can be exported.</source>
        <translation>该解读包尚未签发，只能导出草稿 Word 文件。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到目录</translation>
    </message>
    <message>
        <source>“{name}” exists already. Replace it?</source>
        <translation>“{name}”已存在，是否覆盖？</translation>
    </message>
    <message>
        <source>Export draft Word files instead?</source>
        <translation>是否改为导出草稿 Word 文件？</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>{count} files were written to:
{path}</source>
        <translation>已导出{count}个文件，位置：
{path}</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up the workbench</source>
        <translation>初始设置</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Add the departments whose packages are kept here.</source>
        <translation>添加在本工作台管理解读包的部门。</translation>
    </message>
    <message>
        <source>Add department…</source>
        <translation>新增部门…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Add writers, reviewers and signing leaders. More can be added later under Administration → Users.</source>
        <translation>添加拟稿人、核稿人和签发领导。以后也可在“管理 → 用户”中继续添加。</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import “{name}”</source>
        <translation>导入“{name}”</translation>
    </message>
    <message>
        <source>Create package</source>
        <translation>创建解读包</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Choose another encoding when the preview shows garbled text</source>
        <translation>预览出现乱码时，请改选其他编码</translation>
    </message>
    <message>
        <source>Convert to Simplified</source>
        <translation>转换为简体</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Read {count} paragraphs; encoding: {encoding}.</source>
        <translation>共读取{count}段；编码：{encoding}。</translation>
    </message>
    <message>
        <source>Converted from Traditional to Simplified characters.</source>
        <translation>已将繁体字转换为简体字。</translation>
    </message>
    <message>
        <source>The text is written in Traditional characters (for example {samples}).</source>
        <translation>该文件使用繁体字（如“{samples}”）。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Import policy document</source>
        <translation>导入政策文件</translation>
    </message>
    <message>
        <source>Policy documents (*.docx *.doc *.wps *.txt);;All files (*)</source>
        <translation>政策文件 (*.docx *.doc *.wps *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <source>Issuing authority</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <source>Joint issuers</source>
        <translation>联合发文机关</translation>
    </message>
    <message>
        <source>Index number</source>
        <translation>索引号</translation>
    </message>
    <message>
        <source>Date written</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Date published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有效性</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题分类</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>体裁</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>公开属性</translation>
    </message>
    <message>
        <source>Normative document number</source>
        <translation>规范性文件统一编号</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — Policy Interpretation Workbench</source>
        <translation>登录 — 政策解读工作台</translation>
    </message>
    <message>
        <source>Policy Interpretation Workbench</source>
        <translation>政策解读工作台</translation>
    </message>
    <message>
        <source>Document, plan and materials: drafted, signed and released together</source>
        <translation>政策文件、解读方案、解读材料同步起草、同步审签、同步发布</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Please enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Set a new password for this account</source>
        <translation>为本账号设置新密码</translation>
    </message>
    <message>
        <source>Show the interface in Simplified Chinese</source>
        <translation>以简体中文显示界面</translation>
    </message>
    <message>
        <source>Show the interface in English</source>
        <translation>以英文显示界面</translation>
    </message>
    <message>
        <source>&amp;New package…</source>
        <translation>新建解读包(&amp;N)…</translation>
    </message>
    <message>
        <source>Create an empty interpretation package</source>
        <translation>新建一个空白解读包</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Create a package from a Word or text file</source>
        <translation>从 Word 或文本文件创建解读包</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the selected package as Word files or a pack</source>
        <translation>将选中的解读包导出为 Word 文件或发布包</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>Save a copy of the whole database</source>
        <translation>将整个数据库另存一份副本</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Replace the database with a backup copy</source>
        <translation>用备份副本替换当前数据库</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>Close the application</source>
        <translation>关闭本程序</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the open package now</source>
        <translation>立即保存当前解读包</translation>
    </message>
    <message>
        <source>&amp;Find packages</source>
        <translation>查找解读包(&amp;F)</translation>
    </message>
    <message>
        <source>Jump to the search box</source>
        <translation>转到搜索框</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the list again</source>
        <translation>重新读取列表</translation>
    </message>
    <message>
        <source>S&amp;tatistics</source>
        <translation>统计(&amp;T)</translation>
    </message>
    <message>
        <source>Figures and charts of interpretation work</source>
        <translation>政策解读工作的统计数据和图表</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>用户(&amp;U)…</translation>
    </message>
    <message>
        <source>Add, disable and reset user accounts</source>
        <translation>新增、停用用户账号，重置密码</translation>
    </message>
    <message>
        <source>&amp;Departments…</source>
        <translation>部门(&amp;D)…</translation>
    </message>
    <message>
        <source>Add departments and issuer codes</source>
        <translation>新增部门及机关代字</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Version, data location and licences</source>
        <translation>版本、数据位置和许可信息</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>管理(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>MainCommands</name>
    <message>
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used the next time the application starts.</source>
        <translation>新的界面语言将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Policy Interpretation Workbench — {name}</source>
        <translation>政策解读工作台 — {name}</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>解读包</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>尚未保存的修改</translation>
    </message>
    <message>
        <source>The changes to the open package could not be saved. Discard them?</source>
        <translation>当前解读包的修改未能保存，是否放弃这些修改？</translation>
    </message>
    <message>
        <source>The open package has changes that are not saved yet.</source>
        <translation>当前解读包有尚未保存的修改。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃修改</translation>
    </message>
</context>
<context>
    <name>NewPackageDialog</name>
    <message>
        <source>New interpretation package</source>
        <translation>新建解读包</translation>
    </message>
    <message>
        <source>Title of the policy document</source>
        <translation>政策文件标题</translation>
    </message>
    <message>
        <source>Release by</source>
        <translation>计划发布日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Please enter the title of the policy document.</source>
        <translation>请填写政策文件标题。</translation>
    </message>
</context>
<context>
    <name>PackageListModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>当前办理</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
</context>
<context>
    <name>PackageListPanel</name>
    <message>
        <source>Search titles and text (Ctrl+F)</source>
        <translation>搜索标题和正文（Ctrl+F）</translation>
    </message>
    <message>
        <source>Finds Chinese text of any length in titles and in all parts</source>
        <translation>在标题及各部分内容中查找任意长度的中文</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>找到 {count} 个</translation>
    </message>
    <message>
        <source>Packages: {count}</source>
        <translation>共 {count} 个</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>两次输入不一致。</translation>
    </message>
</context>
<context>
    <name>PreviewTabs</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>提纲</translation>
    </message>
    <message>
        <source>Key tasks</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Outline ({count})</source>
        <translation>提纲（{count}）</translation>
    </message>
    <message>
        <source>Key tasks ({count})</source>
        <translation>重点任务（{count}）</translation>
    </message>
    <message>
        <source>Findings ({count})</source>
        <translation>检查结果（{count}）</translation>
    </message>
    <message>
        <source>No details recognised.</source>
        <translation>未识别出文件信息。</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source> — suggestion: {text}</source>
        <translation> — 建议：{text}</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <source>Statistics of interpretation work</source>
        <translation>政策解读工作统计</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Computing statistics…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Export statistics to folder</source>
        <translation>将统计结果导出到目录</translation>
    </message>
    <message>
        <source>Exporting statistics…</source>
        <translation>正在导出统计结果…</translation>
    </message>
    <message>
        <source>{count} files were written to:
{path}</source>
        <translation>已导出{count}个文件，位置：
{path}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>The statistics report export is not available in this version.</source>
        <translation>当前版本暂不支持导出统计报告。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>{value} days</source>
        <translation>{value}天</translation>
    </message>
    <message>
        <source>Interpretations released</source>
        <translation>发布政策解读（篇）</translation>
    </message>
    <message>
        <source>Documents issued</source>
        <translation>发文数（件）</translation>
    </message>
    <message>
        <source>Interpretation rate</source>
        <translation>解读率</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图解（篇）</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频（个）</translation>
    </message>
    <message>
        <source>Interpreted by the principal leader</source>
        <translation>主要负责人解读（次）</translation>
    </message>
    <message>
        <source>Press conferences</source>
        <translation>新闻发布会（场）</translation>
    </message>
    <message>
        <source>Leader attendances</source>
        <translation>领导出席（人次）</translation>
    </message>
    <message>
        <source>Released the same day</source>
        <translation>与文件同日发布</translation>
    </message>
    <message>
        <source>Released within {days} working days</source>
        <translation>{days}个工作日内发布</translation>
    </message>
    <message>
        <source>Released late</source>
        <translation>超期发布</translation>
    </message>
    <message>
        <source>Review to sign-off, median</source>
        <translation>提交至签发用时（中位数）</translation>
    </message>
    <message>
        <source>Review to sign-off, longest</source>
        <translation>提交至签发用时（最长）</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>New user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>e.g. 处长</source>
        <translation>如：处长</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Sees the packages of all departments</source>
        <translation>可查看全部部门的解读包</translation>
    </message>
    <message>
        <source>At least 8 characters with a digit or sign</source>
        <translation>至少8位，须含数字或符号</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>User not created</source>
        <translation>未能创建用户</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>New password for {name} ({login}):</source>
        <translation>为 {name}（{login}）设置新密码：</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>The password of {name} was changed.</source>
        <translation>已重置 {name} 的密码。</translation>
    </message>
</context>
<context>
    <name>ViewList</name>
    <message>
        <source>Packages: {count}</source>
        <translation>共 {count} 个</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <source>An unexpected error occurred: %1</source>
        <translation>发生意外错误：%1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>workbench-backup-{stamp}.db</source>
        <translation>政策解读工作台备份-{stamp}.db</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Database files (*.db)</source>
        <translation>数据库文件 (*.db)</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The database was saved to:
{path}</source>
        <translation>数据库已备份到：
{path}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Database files (*.db);;All files (*)</source>
        <translation>数据库文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace the current database with the backup “{name}”?

A copy of the current database is kept beside it. The application closes the window and opens the restored data.</source>
        <translation>是否用备份“{name}”替换当前数据库？

当前数据库会另存一份副本。程序将关闭主窗口，然后打开恢复后的数据。</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>已从备份恢复。</translation>
    </message>
    <message>
        <source>The previous database was kept as:
{path}</source>
        <translation>原数据库已另存为：
{path}</translation>
    </message>
    <message>
        <source>Automatic backup saved: {name}</source>
        <translation>已自动备份：{name}</translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation>自动备份失败：{reason}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>My drafts</source>
        <translation>我的草稿</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待我核稿</translation>
    </message>
    <message>
        <source>To sign</source>
        <translation>待我签发</translation>
    </message>
    <message>
        <source>Signed, not released</source>
        <translation>已签发待发布</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>起草中</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>核稿中</translation>
    </message>
    <message>
        <source>Awaiting sign-off</source>
        <translation>待签发</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签发</translation>
    </message>
    <message>
        <source>Writer</source>
        <translation>拟稿人</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>核稿人</translation>
    </message>
    <message>
        <source>Signing leader</source>
        <translation>签发领导</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{year}-{month:02d}-{day:02d} {time}</source>
        <translation>{year}年{month}月{day}日 {time}</translation>
    </message>
    <message>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Creating the demo database…</source>
        <translation>正在生成演示数据库…</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>An intact automatic backup exists: {name}. Restore it now? The damaged file is kept beside the database.</source>
        <translation>找到一份完好的自动备份：{name}。是否立即恢复？损坏的数据库文件会保留在原目录中。</translation>
    </message>
    <message>
        <source>Demo accounts (password for all: {password}):</source>
        <translation>演示账号（密码均为 {password}）：</translation>
    </message>
    <message>
        <source>Other departments: the same names with the prefix fgw- or zwj-.</source>
        <translation>其他部门的账号在以上用户名前加 fgw- 或 zwj-。</translation>
    </message>
</context>
</TS>
