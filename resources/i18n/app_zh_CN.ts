<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/about_dialog.py" line="37"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/about_dialog.py" line="39"/>
        <source>Policy Interpretation Workbench</source>
        <translation>政策解读工作台</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/about_dialog.py" line="52"/>
        <source>Licence of the bundled font (Interp Sans SC, a subset of Noto Sans CJK SC):</source>
        <translation>随附字体许可（Interp Sans SC，为 Noto Sans CJK SC 的子集）：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/about_dialog.py" line="59"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/about_dialog.py" line="60"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/about_dialog.py" line="61"/>
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/about_dialog.py" line="62"/>
        <source>Data folder</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/about_dialog.py" line="73"/>
        <source>SIL Open Font License 1.1 (the licence file is missing: {path})</source>
        <translation>SIL 开源字体许可协议 1.1（许可文件缺失：{path}）</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="31"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="32"/>
        <source>This database has no users yet. Create the administrator, who then adds departments and users.</source>
        <translation>该数据库尚无用户。请先创建管理员，再由管理员添加部门和用户。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="37"/>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="45"/>
        <source>Login name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="46"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="47"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="48"/>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="53"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordForm</name>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="212"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="218"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="219"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="220"/>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="221"/>
        <source>Leaders&apos; signing keys are sealed again under the new password.</source>
        <translation>签发领导的签名密钥将改用新密码加密保存。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="227"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="232"/>
        <source>The two entries differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>DepartmentForm</name>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="137"/>
        <source>New department</source>
        <translation>新增部门</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="140"/>
        <source>e.g. 江海省人力资源和社会保障厅</source>
        <translation>如：江海省人力资源和社会保障厅</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="142"/>
        <source>e.g. 江人社发</source>
        <translation>如：江人社发</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="143"/>
        <source>The issuer code used in document numbers such as 江人社发〔2026〕12号</source>
        <translation>发文字号中使用的机关代字，如“江人社发〔2026〕12号”中的“江人社发”</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="145"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="146"/>
        <source>Issuer code</source>
        <translation>机关代字</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="149"/>
        <source>Create department</source>
        <translation>创建部门</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="157"/>
        <source>Department not created</source>
        <translation>未能创建部门</translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="140"/>
        <source>Departments</source>
        <translation>部门管理</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="142"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="142"/>
        <source>Issuer code</source>
        <translation>机关代字</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="144"/>
        <source>Add department…</source>
        <translation>新增部门…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="60"/>
        <source>Review draft (征求意见稿)</source>
        <translation>征求意见稿</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="61"/>
        <source>The whole package in one Word file, to edit with tracked changes and bring back</source>
        <translation>整个解读包合成一个 Word 文件，留痕修改后导回</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="48"/>
        <source>Press pack</source>
        <translation>对外发布包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="49"/>
        <source>Public parts for release, with index and manifest</source>
        <translation>对外公开的全部内容，含目录和清单</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="50"/>
        <source>Briefing pack</source>
        <translation>内部材料包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="51"/>
        <source>Adds the plan and the internal materials</source>
        <translation>另含解读方案和内部材料</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="62"/>
        <source>Web pack</source>
        <translation>网站发布包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="63"/>
        <source>HTML pages, images and metadata for the website&apos;s CMS</source>
        <translation>网页、图片与元数据，供政府网站内容管理系统直接导入（关联发布）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="62"/>
        <source>Both packs</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="53"/>
        <source>Press pack and briefing pack together</source>
        <translation>对外发布包和内部材料包一并导出</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="54"/>
        <source>Draft Word files</source>
        <translation>草稿 Word 文件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="55"/>
        <source>One Word file per part, marked as draft when not signed</source>
        <translation>每部分一个 Word 文件；未签发时标注为草稿</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="64"/>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="158"/>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="165"/>
        <source>Export package</source>
        <translation>导出解读包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="68"/>
        <source>Pack into one .zip file</source>
        <translation>打包为一个 .zip 文件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="75"/>
        <source>This package is not signed yet: only draft Word files can be exported.</source>
        <translation>该解读包尚未签发，只能导出草稿 Word 文件。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="84"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="104"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="107"/>
        <source>Folder</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="113"/>
        <source>Export to folder</source>
        <translation>导出到目录</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="159"/>
        <source>“{name}” exists already. Replace it?</source>
        <translation>“{name}”已存在，是否覆盖？</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="163"/>
        <source>Export draft Word files instead?</source>
        <translation>是否改为导出草稿 Word 文件？</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="169"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="171"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="179"/>
        <source>{count} files were written to:
{path}</source>
        <translation>已导出{count}个文件，位置：
{path}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="181"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/export_dialog.py" line="182"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="102"/>
        <source>Set up the workbench</source>
        <translation>初始设置</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="107"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="107"/>
        <source>Add the departments whose packages are kept here.</source>
        <translation>添加在本工作台管理解读包的部门。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="108"/>
        <source>Add department…</source>
        <translation>新增部门…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="112"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="112"/>
        <source>Add writers, reviewers and signing leaders. More can be added later under Administration → Users.</source>
        <translation>添加拟稿人、核稿人和签发领导。以后也可在“管理 → 用户”中继续添加。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/first_run.py" line="114"/>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
</context>
<context>
    <name>HolidaysForm</name>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="284"/>
        <source>Holidays</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="289"/>
        <source>One date or first..last a line, e.g.
2027-10-01..2027-10-07</source>
        <translation>每行一个日期，或“起..止”，例如
2027-10-01..2027-10-07</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="290"/>
        <source>Weekend days worked, e.g.
2027-09-26</source>
        <translation>调休上班的周六、周日，例如
2027-09-26</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="293"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="295"/>
        <source>Days off</source>
        <translation>放假日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="296"/>
        <source>Weekends worked</source>
        <translation>调休上班日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="297"/>
        <source>Statistics count working days with these dates; a year without them counts Monday to Friday. Leave both empty to go back to the schedule shipped with the application.</source>
        <translation>统计按这些日期计算工作日；未录入的年份按周一至周五计算。两栏都留空并保存，即恢复为软件自带的安排。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="304"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="315"/>
        <source>Not entered: working days are Monday to Friday.</source>
        <translation>未录入：工作日按周一至周五计算。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="46"/>
        <source>Import “{name}”</source>
        <translation>导入“{name}”</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="55"/>
        <source>Create package</source>
        <translation>创建解读包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="63"/>
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="67"/>
        <source>Choose another encoding when the preview shows garbled text</source>
        <translation>预览出现乱码时，请改选其他编码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="76"/>
        <source>Convert to Simplified</source>
        <translation>转换为简体</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="89"/>
        <source>Clean up:</source>
        <translation>一键清理：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="98"/>
        <source>Clean up everything</source>
        <translation>全部清理</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="121"/>
        <source>Encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="138"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="145"/>
        <source>Read {count} paragraphs; encoding: {encoding}.</source>
        <translation>共读取{count}段；编码：{encoding}。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="160"/>
        <source>Converted {count} Traditional characters to Simplified; untick to keep the text as written.</source>
        <translation>已将{count}个繁体字转换为简体；取消勾选可保留原文字体。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="164"/>
        <source>The text is written in Traditional characters (for example {samples}); its outline and key tasks are read in Simplified.</source>
        <translation>原文为繁体字（如“{samples}”）；提纲和重点任务已按简体识别。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="170"/>
        <source>Remove web page leftovers ({n})</source>
        <translation>删除网页残留（{n}）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="171"/>
        <source>Remove repeated paragraphs ({n})</source>
        <translation>删除重复段落（{n}）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="172"/>
        <source>Remove garbage characters ({n})</source>
        <translation>删除乱码字符（{n}）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="174"/>
        <source>Half-width punctuation to full-width ({n})</source>
        <translation>半角标点改全角（{n}）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="213"/>
        <source>Policy documents (*.docx *.doc *.wps *.pdf *.ofd *.txt);;All files (*)</source>
        <translation>政策文件 (*.docx *.doc *.wps *.pdf *.ofd *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Converted from Traditional to Simplified characters.</source>
        <translation type="vanished">已将繁体字转换为简体字。</translation>
    </message>
    <message>
        <source>The text is written in Traditional characters (for example {samples}).</source>
        <translation type="vanished">该文件使用繁体字（如“{samples}”）。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="185"/>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="202"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_dialog.py" line="212"/>
        <source>Import policy document</source>
        <translation>导入政策文件</translation>
    </message>
    <message>
        <source>Policy documents (*.docx *.doc *.wps *.txt);;All files (*)</source>
        <translation type="vanished">政策文件 (*.docx *.doc *.wps *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="73"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="74"/>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="75"/>
        <source>Issuing authority</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="76"/>
        <source>Joint issuers</source>
        <translation>联合发文机关</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="77"/>
        <source>Index number</source>
        <translation>索引号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="78"/>
        <source>Date written</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="79"/>
        <source>Date published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="80"/>
        <source>Effective from</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="81"/>
        <source>Validity</source>
        <translation>有效性</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="82"/>
        <source>Topic</source>
        <translation>主题分类</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="83"/>
        <source>Genre</source>
        <translation>体裁</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="84"/>
        <source>Disclosure</source>
        <translation>公开属性</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="85"/>
        <source>Normative document number</source>
        <translation>规范性文件统一编号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="86"/>
        <source>Masthead</source>
        <translation>发文机关标志</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="87"/>
        <source>Signed by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="88"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="89"/>
        <source>Note</source>
        <translation>附注</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="90"/>
        <source>Copied to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="91"/>
        <source>Printed by</source>
        <translation>印发机关</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="92"/>
        <source>Date printed</source>
        <translation>印发日期</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../interpreter_app/ui/jobs.py" line="46"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LiveDesk</name>
    <message>
        <location filename="../../interpreter_app/ui/live_desk.py" line="83"/>
        <source>Connected to the server again</source>
        <translation>已重新连接服务器</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/live_desk.py" line="85"/>
        <source>Connection to the server lost, retrying…</source>
        <translation>服务器连接中断，正在重试…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/live_desk.py" line="94"/>
        <source>Changed by {name}: reloaded</source>
        <translation>已被 {name} 修改，已重新载入</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/live_desk.py" line="96"/>
        <source>Changed by {name}</source>
        <translation>已被 {name} 修改</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/live_desk.py" line="97"/>
        <source>Changed on another desk</source>
        <translation>已在另一台电脑上被修改</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/live_desk.py" line="98"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/live_desk.py" line="122"/>
        <source>New in To review: {title}</source>
        <translation>待我核稿新到：{title}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/live_desk.py" line="123"/>
        <source>New in To sign: {title}</source>
        <translation>待我签发新到：{title}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/live_desk.py" line="130"/>
        <source>New in To countersign: {title}</source>
        <translation>待我会签新到：{title}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/login.py" line="32"/>
        <source>Log in — Policy Interpretation Workbench</source>
        <translation>登录 — 政策解读工作台</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/login.py" line="47"/>
        <source>Policy Interpretation Workbench</source>
        <translation>政策解读工作台</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/login.py" line="49"/>
        <source>Document, plan and materials: drafted, signed and released together</source>
        <translation>政策文件、解读方案、解读材料同步起草、同步审签、同步发布</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/login.py" line="53"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/login.py" line="54"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/login.py" line="57"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/login.py" line="91"/>
        <source>Please enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="73"/>
        <source>Import edited &amp;draft…</source>
        <translation>导入修改稿(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="74"/>
        <source>Bring back a review draft edited in Word, WPS or LibreOffice: its changes and comments</source>
        <translation>把在 Word、WPS 或 LibreOffice 中修改过的征求意见稿导回：修改留痕，批注归位</translation>
    </message>
    <message>
        <source>Save, close this account's work and log in as someone else</source>
        <translation>保存并关闭当前账号的工作，换一个用户登录</translation>
    </message>
    <message>
        <source>&amp;Log out / switch user…</source>
        <translation>注销/切换用户(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="92"/>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="93"/>
        <source>Set a new password for this account</source>
        <translation>为本账号设置新密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="59"/>
        <source>Show the interface in Simplified Chinese</source>
        <translation>以简体中文显示界面</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="60"/>
        <source>Show the interface in English</source>
        <translation>以英文显示界面</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="65"/>
        <source>&amp;New package…</source>
        <translation>新建解读包(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="65"/>
        <source>Create an empty interpretation package</source>
        <translation>新建一个空白解读包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="67"/>
        <source>&amp;Import file…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="68"/>
        <source>Create a package from a Word or text file</source>
        <translation>从 Word 或文本文件创建解读包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="70"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="70"/>
        <source>Export the selected package as Word files or a pack</source>
        <translation>将选中的解读包导出为 Word 文件或发布包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="72"/>
        <source>&amp;Connect to server…</source>
        <translation>连接服务器(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="73"/>
        <source>Work on the department&apos;s database server, or on this computer&apos;s database</source>
        <translation>使用单位的数据库服务器，或本机的数据库</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="74"/>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="74"/>
        <source>Save a copy of the whole database</source>
        <translation>将整个数据库另存一份副本</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="75"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="76"/>
        <source>Replace the database with a backup copy</source>
        <translation>用备份副本替换当前数据库</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="77"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="77"/>
        <source>Close the application</source>
        <translation>关闭本程序</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="78"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="78"/>
        <source>Save the open package now</source>
        <translation>立即保存当前解读包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="80"/>
        <source>&amp;Find packages</source>
        <translation>查找解读包(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="80"/>
        <source>Jump to the search box</source>
        <translation>转到搜索框</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="81"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="81"/>
        <source>Read the list again</source>
        <translation>重新读取列表</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="83"/>
        <source>S&amp;tatistics</source>
        <translation>统计(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="83"/>
        <source>Figures and charts of interpretation work</source>
        <translation>政策解读工作的统计数据和图表</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="86"/>
        <source>&amp;Users…</source>
        <translation>用户(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="86"/>
        <source>Add, disable and reset user accounts</source>
        <translation>新增、停用用户账号，重置密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="87"/>
        <source>&amp;Departments…</source>
        <translation>部门(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="87"/>
        <source>Add departments and issuer codes</source>
        <translation>新增部门及机关代字</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="88"/>
        <source>Interpretation &amp;time limit…</source>
        <translation>解读发布时限(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="89"/>
        <source>Within how many working days after the document interpretation counts as on time</source>
        <translation>政策文件发布后多少个工作日内发布解读算作及时</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="90"/>
        <source>&amp;Holidays…</source>
        <translation>节假日安排(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="91"/>
        <source>Official holidays and weekends worked, for counting working days</source>
        <translation>法定节假日与调休上班日，用于计算工作日</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="94"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="94"/>
        <source>Version, data location and licences</source>
        <translation>版本、数据位置和许可信息</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="101"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="108"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="110"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="113"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="116"/>
        <source>&amp;Administration</source>
        <translation>管理(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="118"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_actions.py" line="124"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Approval &amp;routes…</source>
        <translation>审批路线(&amp;R)…</translation>
    </message>
    <message>
        <source>The steps a package passes before it is signed, by department</source>
        <translation>按部门定义解读包签发前经过的审批步骤</translation>
    </message>
</context>
<context>
    <name>MainCommands</name>
    <message>
        <location filename="../../interpreter_app/ui/main_commands.py" line="93"/>
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_commands.py" line="202"/>
        <source>Time limit saved: {days} working days</source>
        <translation>解读发布时限已保存：{days}个工作日</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_commands.py" line="213"/>
        <source>Holidays saved</source>
        <translation>节假日安排已保存</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_commands.py" line="232"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_commands.py" line="233"/>
        <source>The new language is used the next time the application starts.</source>
        <translation>新的界面语言将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../interpreter_app/ui/main_window.py" line="66"/>
        <source>Policy Interpretation Workbench — {name}</source>
        <translation>政策解读工作台 — {name}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_window.py" line="126"/>
        <source>Packages</source>
        <translation>解读包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_window.py" line="152"/>
        <source>Server: {address}</source>
        <translation>服务器：{address}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_window.py" line="153"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_window.py" line="161"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_window.py" line="212"/>
        <location filename="../../interpreter_app/ui/main_window.py" line="309"/>
        <source>Unsaved changes</source>
        <translation>尚未保存的修改</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_window.py" line="213"/>
        <source>The changes to the open package could not be saved. Discard them?</source>
        <translation>当前解读包的修改未能保存，是否放弃这些修改？</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_window.py" line="310"/>
        <source>The open package has changes that are not saved yet.</source>
        <translation>当前解读包有尚未保存的修改。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_window.py" line="311"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_window.py" line="311"/>
        <source>Discard</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_window.py" line="331"/>
        <source>{count} more packages have unsaved changes from an earlier session; opening one offers them back.</source>
        <translation>另有 {count} 个解读包留有上次未保存的修改，打开时会提示恢复。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/main_window.py" line="312"/>
        <source>Keep for the next start</source>
        <translation>保留到下次启动</translation>
    </message>
</context>
<context>
    <name>NewPackageDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/new_package_dialog.py" line="36"/>
        <source>New interpretation package</source>
        <translation>新建解读包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/new_package_dialog.py" line="40"/>
        <source>Title of the policy document</source>
        <translation>政策文件标题</translation>
    </message>
    <message>
        <source>Release by</source>
        <translation type="vanished">计划发布日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/new_package_dialog.py" line="50"/>
        <source>None yet</source>
        <translation>暂不设定</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/new_package_dialog.py" line="51"/>
        <source>Create the package without a date by which it is due</source>
        <translation>新建的解读包暂不设截止日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/new_package_dialog.py" line="65"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/new_package_dialog.py" line="68"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/new_package_dialog.py" line="73"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/new_package_dialog.py" line="75"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/new_package_dialog.py" line="91"/>
        <source>Please enter the title of the policy document.</source>
        <translation>请填写政策文件标题。</translation>
    </message>
</context>
<context>
    <name>PackageListModel</name>
    <message>
        <location filename="../../interpreter_app/ui/package_model.py" line="100"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/package_model.py" line="100"/>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/package_model.py" line="100"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/package_model.py" line="101"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/package_model.py" line="101"/>
        <source>Held by</source>
        <translation>当前办理</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/package_model.py" line="101"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/package_model.py" line="102"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
</context>
<context>
    <name>PackageListPanel</name>
    <message>
        <location filename="../../interpreter_app/ui/package_list.py" line="58"/>
        <source>Search titles and text (Ctrl+F)</source>
        <translation>搜索标题和正文（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/package_list.py" line="59"/>
        <source>Finds Chinese text of any length in titles and in all parts</source>
        <translation>在标题及各部分内容中查找任意长度的中文</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/package_list.py" line="60"/>
        <source>Search packages</source>
        <translation>搜索解读包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/package_list.py" line="66"/>
        <source>Packages</source>
        <translation>解读包列表</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/package_list.py" line="138"/>
        <source>{count} found</source>
        <translation>找到 {count} 个</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/package_list.py" line="140"/>
        <source>Packages: {count}</source>
        <translation>共 {count} 个</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="174"/>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="179"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="180"/>
        <source>Repeat</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="187"/>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="192"/>
        <source>The two entries differ.</source>
        <translation>两次输入不一致。</translation>
    </message>
</context>
<context>
    <name>PreviewTabs</name>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="119"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="119"/>
        <source>Lead</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="120"/>
        <source>Others</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="120"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="126"/>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="127"/>
        <source>Outline</source>
        <translation>提纲</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="128"/>
        <source>Key tasks</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="129"/>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="130"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="131"/>
        <source>Before and after</source>
        <translation>清理前后对照</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="144"/>
        <source>Outline ({count})</source>
        <translation>提纲（{count}）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="145"/>
        <source>Key tasks ({count})</source>
        <translation>重点任务（{count}）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="146"/>
        <source>Findings ({count})</source>
        <translation>检查结果（{count}）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="163"/>
        <source>No details recognised.</source>
        <translation>未识别出文件信息。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="179"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="185"/>
        <source> — suggestion: {text}</source>
        <translation> — 建议：{text}</translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>{added} added, {skipped} were there already.</source>
        <translation>新增 {added} 件，{skipped} 件已在登记中。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Add to the register</source>
        <translation>加入发文登记</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Address</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Attended</source>
        <translation>实际出席</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Channel</source>
        <translation>回应渠道</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Concern</source>
        <translation>关切事项</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Documents issued</source>
        <translation>发文登记</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Event attendance</source>
        <translation>发布会出席</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Held on</source>
        <translation>举办日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Import Excel or CSV…</source>
        <translation>导入 Excel 或 CSV…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Import the register</source>
        <translation>导入发文登记</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Issued on</source>
        <translation>发文日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Name of the event</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Not recorded</source>
        <translation>未能登记</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Package number</source>
        <translation>解读包编号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Record the event</source>
        <translation>登记该活动</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Record the response</source>
        <translation>登记该回应</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Records for the annual figures</source>
        <translation>年度统计登记</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Responded on</source>
        <translation>回应日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Responses to concerns</source>
        <translation>回应关切</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Tables (*.xlsx *.csv)</source>
        <translation>表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>Who actually attended</source>
        <translation>实际出席人员</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/records_dialog.py" line="1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>RestoreCredentialsDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/restore_dialog.py" line="32"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/restore_dialog.py" line="34"/>
        <source>Restoring “{name}” replaces the current database. An administrator&apos;s password is required.</source>
        <translation>恢复“{name}”将替换当前数据库，须输入管理员密码。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/restore_dialog.py" line="49"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/restore_dialog.py" line="50"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/restore_dialog.py" line="52"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/restore_dialog.py" line="66"/>
        <source>Please enter the administrator&apos;s user name.</source>
        <translation>请输入管理员用户名。</translation>
    </message>
</context>
<context>
    <name>RouteForm</name>
    <message>
        <source>Approval route of {department}</source>
        <translation>{department}的审批路线</translation>
    </message>
    <message>
        <source>Change approval route</source>
        <translation>修改审批路线</translation>
    </message>
    <message>
        <source>e.g. 规范性文件审批</source>
        <translation>如：规范性文件审批</translation>
    </message>
    <message>
        <source>e.g. 通知，意见 (empty: chosen by the writer)</source>
        <translation>如：通知，意见（留空则由拟稿人选择）</translation>
    </message>
    <message>
        <source>Default route of the department</source>
        <translation>设为本部门默认路线</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Co-signing</source>
        <translation>会签</translation>
    </message>
    <message>
        <source>Edits</source>
        <translation>可修改</translation>
    </message>
    <message>
        <source>Steps of the route</source>
        <translation>路线的步骤</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>添加步骤(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove step</source>
        <translation>删除步骤(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Route &amp;name</source>
        <translation>路线名称(&amp;N)</translation>
    </message>
    <message>
        <source>For document &amp;kinds</source>
        <translation>适用文种(&amp;K)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Steps, in order&lt;/b&gt; (the last one signs)</source>
        <translation>&lt;b&gt;审批步骤（按顺序）&lt;/b&gt;（最后一步为签发）</translation>
    </message>
    <message>
        <source>Save route</source>
        <translation>保存路线</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是（留痕）</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>all must agree</source>
        <translation>须全部同意</translation>
    </message>
    <message>
        <source>with joint issuers</source>
        <translation>含联合发文机关</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Step {number}</source>
        <translation>第{number}步</translation>
    </message>
</context>
<context>
    <name>RoutesDialog</name>
    <message>
        <source>Approval routes</source>
        <translation>审批路线</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Document kinds</source>
        <translation>适用文种</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>&amp;New route…</source>
        <translation>新建路线(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>修改(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Retire…</source>
        <translation>停用(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <source>A package takes the route for its document kind, else the department&apos;s default; a writer may choose another when submitting. Packages already submitted keep the route they were submitted on.</source>
        <translation>解读包按文种选用路线，没有对应文种时用本部门默认路线；拟稿人提交时可改选其他路线。已提交的解读包仍按提交时的路线流转。</translation>
    </message>
    <message>
        <source>No route defined: packages of this department go {steps}.</source>
        <translation>尚未定义审批路线：本部门的解读包按“{steps}”流转。</translation>
    </message>
    <message>
        <source>Retire route</source>
        <translation>停用路线</translation>
    </message>
    <message>
        <source>Retire the route “{name}”? New submissions can no longer take it; packages already on it finish on it.</source>
        <translation>停用路线“{name}”？此后提交的解读包不能再选用它；已在该路线上的解读包仍按它走完。</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="42"/>
        <source>Connect to server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="67"/>
        <source>Writers, reviewers and leaders at different computers work on one database on the department&apos;s PostgreSQL server. Ask the administrator for the address.</source>
        <translation>在不同电脑上的拟稿人、核稿人和签发领导共用单位 PostgreSQL 服务器上的同一个数据库。服务器地址请向管理员索取。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="70"/>
        <source>Where should this computer keep its data? On this computer alone, or on the department&apos;s PostgreSQL server shared by every desk.</source>
        <translation>本机的数据存放在哪里？只在本机使用，还是连接各岗位共用的单位 PostgreSQL 服务器？</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="74"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="75"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="76"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="77"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="78"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="79"/>
        <source>Encryption (sslmode)</source>
        <translation>加密方式（sslmode）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="80"/>
        <source>The password is not saved: it is asked for at each start.</source>
        <translation>密码不会保存，每次启动时输入。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="83"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="84"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="87"/>
        <source>Use this computer&apos;s database</source>
        <translation>使用本机数据库</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="109"/>
        <source>Enter the server&apos;s name or address.</source>
        <translation>请填写服务器名称或地址。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="111"/>
        <source>Enter the database name.</source>
        <translation>请填写数据库名。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="113"/>
        <source>Enter the user name.</source>
        <translation>请填写用户名。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="122"/>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/server_dialog.py" line="136"/>
        <source>Connected: the server answers and the database is ready.</source>
        <translation>连接成功：服务器已响应，数据库可以使用。</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="199"/>
        <source>As read from the file</source>
        <translation>文件原文</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/import_preview.py" line="200"/>
        <source>After conversion and clean-up</source>
        <translation>转换和清理后</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="61"/>
        <source>Records…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="62"/>
        <source>Event attendance, documents issued and responses to public concerns, which the figures count</source>
        <translation>发布会实际出席、发文登记和回应关切记录（统计数字依据这些记录）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="52"/>
        <source>Statistics of interpretation work</source>
        <translation>政策解读工作统计</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="58"/>
        <source>Compute</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="59"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="76"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="87"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="87"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="97"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="97"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="98"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="135"/>
        <source>Computing statistics…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="141"/>
        <location filename="../../interpreter_app/ui/stats_view.py" line="208"/>
        <location filename="../../interpreter_app/ui/stats_view.py" line="213"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="198"/>
        <source>Export statistics to folder</source>
        <translation>将统计结果导出到目录</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="201"/>
        <source>Exporting statistics…</source>
        <translation>正在导出统计结果…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="206"/>
        <source>{count} files were written to:
{path}</source>
        <translation>已导出{count}个文件，位置：
{path}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="208"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="214"/>
        <source>The statistics report export is not available in this version.</source>
        <translation>当前版本暂不支持导出统计报告。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="216"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="223"/>
        <source>No holiday schedule for {years}: working days counted Monday to Friday (an administrator enters it under Administration → Holidays).</source>
        <translation>{years}年未录入节假日安排，工作日按周一至周五计算（管理员可在“管理 → 节假日安排…”中录入）。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="231"/>
        <source>{value} days</source>
        <translation>{value}天</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="233"/>
        <source>Interpretations released</source>
        <translation>发布政策解读（篇）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="234"/>
        <source>Documents issued (register)</source>
        <translation>发文登记（件）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="235"/>
        <source>Interpretation rate</source>
        <translation>解读率</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="240"/>
        <source>not entered</source>
        <translation>未录入</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="240"/>
        <source>Of which interpreted</source>
        <translation>其中已解读（件）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="240"/>
        <source>Responses to public concerns</source>
        <translation>回应社会关切（次）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="236"/>
        <source>Charts</source>
        <translation>图解（篇）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="237"/>
        <source>Videos</source>
        <translation>视频（个）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="238"/>
        <source>Interpreted by the principal leader</source>
        <translation>主要负责人解读（次）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="239"/>
        <source>Press conferences</source>
        <translation>新闻发布会（场）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="240"/>
        <source>Leader attendances</source>
        <translation>领导出席（人次）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="241"/>
        <source>Released the same day</source>
        <translation>与文件同日发布</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="242"/>
        <source>Released within {days} working days</source>
        <translation>{days}个工作日内发布</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="244"/>
        <source>Released late</source>
        <translation>超期发布</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="245"/>
        <source>Review to sign-off, median</source>
        <translation>提交至签发用时（中位数）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/stats_view.py" line="247"/>
        <source>Review to sign-off, longest</source>
        <translation>提交至签发用时（最长）</translation>
    </message>
</context>
<context>
    <name>StepEditor</name>
    <message>
        <source>Selected step</source>
        <translation>所选步骤</translation>
    </message>
    <message>
        <source>e.g. 处室核稿</source>
        <translation>如：处室核稿</translation>
    </message>
    <message>
        <source>Named users</source>
        <translation>指定人员</translation>
    </message>
    <message>
        <source>Co-signing departments</source>
        <translation>会签或办理部门</translation>
    </message>
    <message>
        <source>Joint issuers of the document co-sign</source>
        <translation>联合发文机关会签</translation>
    </message>
    <message>
        <source>All must agree (co-signing step)</source>
        <translation>全部须同意（会签）</translation>
    </message>
    <message>
        <source>May edit (changes tracked)</source>
        <translation>可修改（留痕）</translation>
    </message>
    <message>
        <source>Step &amp;name</source>
        <translation>步骤名称(&amp;N)</translation>
    </message>
    <message>
        <source>Acting roles</source>
        <translation>办理角色</translation>
    </message>
    <message>
        <source>Named users act in place of the roles. Without them, the roles act for the package&apos;s own department, or for each ticked department.</source>
        <translation>指定了人员时由这些人员办理，不再按角色；未指定人员时，由本部门（或下面勾选的各部门）具有所选角色的人员办理。</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>办理部门</translation>
    </message>
</context>
<context>
    <name>TimelinessLimitForm</name>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="250"/>
        <source>Interpretation time limit</source>
        <translation>解读发布时限</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="253"/>
        <source> working days</source>
        <translation>个工作日内</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="257"/>
        <source>After the document, within</source>
        <translation>政策文件发布后</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="258"/>
        <source>The rule of this database: plans show it, and statistics count a package released later as late. 0 means the same day as the document.</source>
        <translation>本数据库统一适用的时限：解读方案中会显示，统计时晚于此时限发布的计为超期。0表示与文件同日发布。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="265"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>User not changed</source>
        <translation>用户未修改</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Name, title, roles and department are part of the user's signing certificate: saving issues a new one.</source>
        <translation>姓名、职务、角色和部门写在该用户的签名证书中：保存后将为其重新颁发证书。</translation>
    </message>
    <message>
        <source>Edit user {name}</source>
        <translation>修改用户：{name}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="73"/>
        <source>New user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="78"/>
        <source>e.g. 处长</source>
        <translation>如：处长</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="80"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="84"/>
        <source>Sees the packages of all departments</source>
        <translation>可查看全部部门的解读包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="86"/>
        <source>At least 8 characters with a digit or sign</source>
        <translation>至少8位，须含数字或符号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="95"/>
        <source>Login name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="96"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="97"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="98"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="99"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="101"/>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="104"/>
        <source>Create user</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_forms.py" line="118"/>
        <source>User not created</source>
        <translation>未能创建用户</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Change name, title, department and roles</source>
        <translation>修改姓名、职务、部门和角色</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="39"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="42"/>
        <source>Login name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="42"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="42"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="42"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="43"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="43"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="44"/>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="45"/>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="91"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="46"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="72"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="74"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="74"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="91"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="114"/>
        <source>New password for {name} ({login}):</source>
        <translation>为 {name}（{login}）设置新密码：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="124"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/admin_dialogs.py" line="125"/>
        <source>The password of {name} was changed.</source>
        <translation>已重置 {name} 的密码。</translation>
    </message>
</context>
<context>
    <name>ViewList</name>
    <message>
        <location filename="../../interpreter_app/ui/view_list.py" line="94"/>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/view_list.py" line="140"/>
        <source>Packages: {count}</source>
        <translation>共 {count} 个</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <location filename="../../interpreter_app/ui/alerts.py" line="30"/>
        <source>An unexpected error occurred: {reason}</source>
        <translation>发生意外错误：{reason}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/alerts.py" line="32"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="23"/>
        <source>workbench-backup-{stamp}.db</source>
        <translation>政策解读工作台备份-{stamp}.db</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="26"/>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="27"/>
        <source>Database files (*.db)</source>
        <translation>数据库文件 (*.db)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="30"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="33"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="34"/>
        <source>The database was saved to:
{path}</source>
        <translation>数据库已备份到：
{path}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="40"/>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="54"/>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="70"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="41"/>
        <source>Database files (*.db);;All files (*)</source>
        <translation>数据库文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="50"/>
        <source>Replace the current database with the backup “{name}”?

A copy of the current database is kept beside it. The application closes the window and opens the restored data.</source>
        <translation>是否用备份“{name}”替换当前数据库？

当前数据库会另存一份副本。程序将关闭主窗口，然后打开恢复后的数据。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="66"/>
        <source>The backup was restored.</source>
        <translation>已从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="68"/>
        <source>The previous database was kept as:
{path}</source>
        <translation>原数据库已另存为：
{path}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="80"/>
        <source>Automatic backup saved: {name}</source>
        <translation>已自动备份：{name}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/backup_actions.py" line="82"/>
        <source>Automatic backup failed: {reason}</source>
        <translation>自动备份失败：{reason}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Returned: {reason}</source>
        <translation>退回理由：{reason}</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Mine in review</source>
        <translation>核稿中</translation>
    </message>
    <message>
        <source>Returned to me</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="39"/>
        <source>Submit for review</source>
        <translation>提交核稿</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="40"/>
        <source>Pass review</source>
        <translation>核稿通过</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="41"/>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="42"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="43"/>
        <source>Sign off</source>
        <translation>签发</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="44"/>
        <source>Revoke sign-off</source>
        <translation>撤销签发</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="45"/>
        <source>Release together</source>
        <translation>同步发布</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="46"/>
        <source>Revise</source>
        <translation>修订</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="19"/>
        <source>My drafts</source>
        <translation>我的草稿</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="19"/>
        <source>To review</source>
        <translation>待我核稿</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="20"/>
        <source>To sign</source>
        <translation>待我签发</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="20"/>
        <source>Signed, not released</source>
        <translation>已签发待发布</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="21"/>
        <location filename="../../interpreter_app/ui/labels.py" line="31"/>
        <source>Released</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="22"/>
        <source>Awaiting posting</source>
        <translation>待上网</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="23"/>
        <source>To countersign</source>
        <translation>待我会签</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="48"/>
        <source>Back to previous step</source>
        <translation>退回上一步</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="21"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="29"/>
        <source>Draft</source>
        <translation>起草中</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="29"/>
        <source>In review</source>
        <translation>核稿中</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="30"/>
        <source>Awaiting sign-off</source>
        <translation>待签发</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="30"/>
        <source>Signed</source>
        <translation>已签发</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="53"/>
        <source>Writer</source>
        <translation>拟稿人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="53"/>
        <source>Reviewer</source>
        <translation>核稿人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="54"/>
        <source>Signing leader</source>
        <translation>签发领导</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="54"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="60"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="84"/>
        <source>{year}-{month:02d}-{day:02d} {time}</source>
        <translation>{year}年{month}月{day}日 {time}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/labels.py" line="94"/>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <location filename="../../interpreter_app/ui/startup.py" line="145"/>
        <source>Department root key</source>
        <translation>部门根密钥</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/startup.py" line="145"/>
        <source>The department&apos;s root key was created. Write its fingerprint on the setup sheet and publish it, so that anyone can check exported packs:

{fp}

It is also in this computer&apos;s trust file; copy that file to the department&apos;s other computers.</source>
        <translation>已生成部门根密钥。请把下面的指纹抄入安装登记表，并通过官方渠道公布，供任何人核对导出的发布包：

{fp}

指纹也已写入本机的信任文件；请把该文件复制到本部门的其他电脑。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/startup.py" line="62"/>
        <source>Creating the demo database…</source>
        <translation>正在生成演示数据库…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/startup.py" line="89"/>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/startup.py" line="103"/>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/startup.py" line="107"/>
        <source>An intact automatic backup exists: {name}. Restore it now? The damaged file is kept beside the database.</source>
        <translation>找到一份完好的自动备份：{name}。是否立即恢复？损坏的数据库文件会保留在原目录中。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/startup.py" line="133"/>
        <source>Demo accounts (password for all: {password}):</source>
        <translation>演示账号（密码均为 {password}）：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/startup.py" line="135"/>
        <source>Other departments: the same names with the prefix fgw- or zwj-.</source>
        <translation>其他部门的账号在以上用户名前加 fgw- 或 zwj-。</translation>
    </message>
</context>
<context>
    <name>ReviewImport</name>
    <message>
        <location filename="../../interpreter_app/ui/review_import_dialog.py" line="55"/>
        <source>Import edited draft</source>
        <translation>导入修改稿</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/review_import_dialog.py" line="56"/>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/review_import_dialog.py" line="81"/>
        <source>Importing edited draft…</source>
        <translation>正在导入修改稿…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/review_import_dialog.py" line="84"/>
        <source>The edited draft could not be imported</source>
        <translation>修改稿未能导入</translation>
    </message>
</context>
<context>
    <name>ReviewReportDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/review_import_dialog.py" line="32"/>
        <source>Edited draft imported</source>
        <translation>修改稿已导入</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/review_import_dialog.py" line="39"/>
        <source>The changes are tracked changes of the package, marked as external: accept or reject them one by one.</source>
        <translation>导入的修改已作为解读包的留痕修改（标为外部修改），请逐条接受或拒绝。</translation>
    </message>
</context>
</TS>
