<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnchoredEdit</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/anchors.py" line="49"/>
        <source>Add comment…</source>
        <translation>添加批注…</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="88"/>
        <source>Edit table…</source>
        <translation>编辑表格…</translation>
    </message>
</context>
<context>
    <name>BodyEditorPanel</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="246"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="246"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="247"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="247"/>
        <source>Redo (Ctrl+Y)</source>
        <translation>重做（Ctrl+Y）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="254"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="254"/>
        <source>Find in text (Ctrl+F)</source>
        <translation>在正文中查找（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="211"/>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="256"/>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="268"/>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="207"/>
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="256"/>
        <source>Show or hide the outline</source>
        <translation>显示或隐藏大纲</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="314"/>
        <source>{chars} characters · {paragraphs} paragraphs</source>
        <translation>{chars}字 · {paragraphs}段</translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/tracking.py" line="1"/>
        <source> (from {file})</source>
        <translation>（导入自 {file}）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/tracking.py" line="1"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/tracking.py" line="1"/>
        <source>Accept all</source>
        <translation>全部接受</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/tracking.py" line="1"/>
        <source>Double-click to show the change in the text.</source>
        <translation>双击可在正文中查看该处修改。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/tracking.py" line="1"/>
        <source>No tracked changes wait for a decision.</source>
        <translation>没有待处理的修改（留痕）。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/tracking.py" line="1"/>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/tracking.py" line="1"/>
        <source>Reject all</source>
        <translation>全部拒绝</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/tracking.py" line="1"/>
        <source>Tracked changes</source>
        <translation>修改（留痕）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/tracking.py" line="1"/>
        <source>{count} changes by {authors} people wait for a writer to accept or reject them.</source>
        <translation>{authors}人的{count}处修改待拟稿人接受或拒绝。</translation>
    </message>
</context>
<context>
    <name>ChartGrid</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="107"/>
        <source>Category \ series</source>
        <translation>分类＼系列</translation>
    </message>
</context>
<context>
    <name>ChartMaterialEditor</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="227"/>
        <source>Chart type</source>
        <translation>图表类型</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="228"/>
        <source>Chart title</source>
        <translation>图表标题</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="229"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="229"/>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="230"/>
        <source>Highlight</source>
        <translation>突出显示</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="231"/>
        <source>Caption</source>
        <translation>图注</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="234"/>
        <source>Add category</source>
        <translation>添加分类</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="235"/>
        <source>Remove category</source>
        <translation>删除分类</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="236"/>
        <source>Add series</source>
        <translation>添加系列</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="237"/>
        <source>Remove series</source>
        <translation>删除系列</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="246"/>
        <source>Data (numbers such as 1,234.5, 12%, 3.5万):</source>
        <translation>数据（可填写 1,234.5、12%、3.5万 等数值）：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="256"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="319"/>
        <source>Row {row}, column {column}: {reason}</source>
        <translation>第{row}行第{column}列：{reason}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="322"/>
        <source>… and {count} more (see the preview)</source>
        <translation>……另有{count}处（见预览）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="324"/>
        <source>Some cells are not numbers; the chart is not saved until they are corrected (your text is kept).</source>
        <translation>部分单元格不是有效数值；改正之前图表不会保存（您填写的内容仍保留）。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/chart_editor.py" line="375"/>
        <source>The preview could not be drawn: {reason}</source>
        <translation>无法绘制预览：{reason}</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/checks_panel.py" line="124"/>
        <source>Check now</source>
        <translation>立即检查</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/checks_panel.py" line="151"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/checks_panel.py" line="167"/>
        <source>The checks could not run: {reason}</source>
        <translation>检查未能运行：{reason}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/checks_panel.py" line="192"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/checks_panel.py" line="182"/>
        <source>{count} findings, {blocking} blocking submit.</source>
        <translation>发现{count}个问题，其中{blocking}个阻止提交。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/checks_panel.py" line="193"/>
        <source>Nothing to correct in what is written. Still missing before submit: {missing}.</source>
        <translation>文字方面暂无需要改正之处。提交前还缺：{missing}。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/checks_panel.py" line="217"/>
        <source>Excerpt: {excerpt}</source>
        <translation>原文：{excerpt}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/checks_panel.py" line="219"/>
        <source>Suggestion: {suggestion}</source>
        <translation>建议：{suggestion}</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>Ctrl+Enter adds the comment.</source>
        <translation>按 Ctrl+Enter 添加批注。</translation>
    </message>
    <message>
        <source>Add the comment (Ctrl+Enter)</source>
        <translation>添加批注（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="38"/>
        <source>Add comment</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="40"/>
        <source>Comment</source>
        <translation>批注内容</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="50"/>
        <source>On: “{quote}”</source>
        <translation>批注对象：“{quote}”</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="76"/>
        <source>Comments</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="79"/>
        <source>Show resolved</source>
        <translation>显示已解决的批注</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="81"/>
        <source>Select text in any editor, then right-click → “Add comment” (Ctrl+Alt+M).</source>
        <translation>在任一编辑区选中文字，右键选择“添加批注”（Ctrl+Alt+M）。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="84"/>
        <source>Go to text</source>
        <translation>定位原文</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="86"/>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="185"/>
        <source>Resolve</source>
        <translation>标记已解决</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="111"/>
        <source>Add comment</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="111"/>
        <source>Select the text to comment on first.</source>
        <translation>请先选中要批注的文字。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="154"/>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="195"/>
        <source>The text was changed; this comment is detached.</source>
        <translation>原文已修改，批注已脱离</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="156"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="162"/>
        <source>Policy document</source>
        <translation>政策文件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="164"/>
        <source>Interpretation plan</source>
        <translation>解读方案</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="170"/>
        <source>(deleted material)</source>
        <translation>（已删除的材料）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/comments_panel.py" line="185"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
</context>
<context>
    <name>ConflictResolver</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/conflicts.py" line="42"/>
        <source>Changed elsewhere</source>
        <translation>内容已被他人修改</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/conflicts.py" line="43"/>
        <source>Reload (discard my changes)</source>
        <translation>重新载入（放弃我的修改）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/conflicts.py" line="44"/>
        <source>Keep mine as a copy</source>
        <translation>另存为副本（保留我的修改）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/conflicts.py" line="53"/>
        <source>Someone else (or this package open in another window) saved {names} while you were editing. Your changes were not written, so nothing was overwritten.

Reload shows their version and discards your changes; keep as a copy stores your version separately.</source>
        <translation>在您编辑期间，其他人（或另一个窗口中打开的同一解读包）已保存了{names}。您的修改尚未写入，没有覆盖任何内容。

“重新载入”将显示对方保存的版本并放弃您的修改；“另存为副本”将另行保存您的版本。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/conflicts.py" line="60"/>
        <source>the policy document</source>
        <translation>政策文件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/conflicts.py" line="62"/>
        <source>the interpretation plan</source>
        <translation>解读方案</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/conflicts.py" line="65"/>
        <source>the material “{title}”</source>
        <translation>解读材料“{title}”</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/conflicts.py" line="96"/>
        <source>Kept as a copy</source>
        <translation>已另存为副本</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/conflicts.py" line="97"/>
        <source>Your version was saved as a new package “{title}”. The original keeps the other person&apos;s version.</source>
        <translation>您的版本已另存为新的解读包“{title}”。原解读包保留对方保存的版本。</translation>
    </message>
</context>
<context>
    <name>DocumentTab</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/document_tab.py" line="39"/>
        <source>Body text (one paragraph a line)</source>
        <translation>正文（每行一段）</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="128"/>
        <source>Find in text</source>
        <translation>查找内容</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="133"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="135"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="135"/>
        <source>Find previous (Shift+F3)</source>
        <translation>查找上一个（Shift+F3）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="137"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="137"/>
        <source>Find next (F3)</source>
        <translation>查找下一个（F3）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/body_editor.py" line="138"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/checks_panel.py" line="54"/>
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/checks_panel.py" line="56"/>
        <source>Change to: {suggestion}</source>
        <translation>改为：{suggestion}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/checks_panel.py" line="64"/>
        <source>Show {count} places</source>
        <translation>展开{count}处</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/checks_panel.py" line="76"/>
        <source>Paragraphs {paragraphs}</source>
        <translation>第{paragraphs}段</translation>
    </message>
</context>
<context>
    <name>FindingNavigator</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/findings.py" line="51"/>
        <source>{part} · paragraph {paragraph}</source>
        <translation>{part} · 第{paragraph}段</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="47"/>
        <source>Snapshot</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="47"/>
        <source>Revision</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="47"/>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="50"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="47"/>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="50"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="48"/>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="50"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="50"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="52"/>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="60"/>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="73"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="54"/>
        <source>Changes since my last review</source>
        <translation>自我上次审阅以来的变化</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="58"/>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="68"/>
        <source>Stored versions</source>
        <translation>已存版本</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="59"/>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="69"/>
        <source>Audit events</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="60"/>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="73"/>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="61"/>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="120"/>
        <source>Choose two versions and press Compare.</source>
        <translation>请选择两个版本，然后点击“比较”。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="123"/>
        <source>Submitted</source>
        <translation>提交核稿</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="123"/>
        <source>Review passed</source>
        <translation>核稿通过</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="124"/>
        <source>Signed</source>
        <translation>签发</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="124"/>
        <source>Released</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="125"/>
        <source>Saved version</source>
        <translation>手动保存版本</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="147"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="147"/>
        <source>Edited the document</source>
        <translation>修改政策文件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="148"/>
        <source>Edited the plan</source>
        <translation>修改解读方案</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="149"/>
        <source>Edited a material</source>
        <translation>修改解读材料</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="150"/>
        <source>Added a material</source>
        <translation>新增解读材料</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="151"/>
        <source>Deleted a material</source>
        <translation>删除解读材料</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="152"/>
        <source>Reordered materials</source>
        <translation>调整材料顺序</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="153"/>
        <source>Commented</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="153"/>
        <source>Resolved a comment</source>
        <translation>批注标记为已解决</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="154"/>
        <source>Reopened a comment</source>
        <translation>重新打开批注</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="155"/>
        <source>Sign-off recorded</source>
        <translation>记录签发</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="155"/>
        <source>Saved a version</source>
        <translation>保存版本</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="156"/>
        <source>Set the due date</source>
        <translation>设置完成期限</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="156"/>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="181"/>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="208"/>
        <source>Working copy</source>
        <translation>当前工作稿</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="193"/>
        <source>You have not passed, returned or signed this package yet.</source>
        <translation>您尚未对此解读包作出通过、退回或签发决定。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="233"/>
        <source>{count} changed places.</source>
        <translation>共{count}处变化。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="234"/>
        <source>No differences.</source>
        <translation>没有差异。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Accepted a tracked change</source>
        <translation>接受修改（留痕）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Decided by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Imported tracked changes</source>
        <translation>导入修订（留痕）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Made tracked changes</source>
        <translation>修订（留痕）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Rejected a tracked change</source>
        <translation>拒绝修改（留痕）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Tracked changes</source>
        <translation>修改（留痕）记录</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>deleted “{text}”</source>
        <translation>删除“{text}”</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/history_tab.py" line="1"/>
        <source>inserted “{text}”</source>
        <translation>插入“{text}”</translation>
    </message>
</context>
<context>
    <name>IncompleteDialog</name>
    <message>
        <source>(double-click an item to go to it)</source>
        <translation>（双击某项可转到该处）</translation>
    </message>
    <message>
        <source>Double-click to go there</source>
        <translation>双击转到此处</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="175"/>
        <source>The package cannot be submitted yet</source>
        <translation>解读包暂不能提交</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="186"/>
        <source>Fix each of these {count} items, then try again:</source>
        <translation>请逐项处理以下 {count} 个问题，然后再试：</translation>
    </message>
</context>
<context>
    <name>MaterialEditor</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_editors.py" line="51"/>
        <source>e.g. 省人力资源社会保障厅厅长 王建国</source>
        <translation>如：省人力资源社会保障厅厅长 王建国</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_editors.py" line="54"/>
        <source>Disclosure</source>
        <translation>公开属性</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_editors.py" line="55"/>
        <source>Interpreter role</source>
        <translation>解读人角色</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_editors.py" line="56"/>
        <source>Not before</source>
        <translation>在此时间之前不得发布</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_editors.py" line="73"/>
        <source>Disclosure:</source>
        <translation>公开属性：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_editors.py" line="76"/>
        <source>Interpreter role:</source>
        <translation>解读人角色：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_editors.py" line="79"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_editors.py" line="80"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_editors.py" line="81"/>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_editors.py" line="87"/>
        <source>Embargo</source>
        <translation>禁发时间</translation>
    </message>
</context>
<context>
    <name>MaterialList</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_list.py" line="78"/>
        <source>Materials</source>
        <translation>解读材料</translation>
    </message>
</context>
<context>
    <name>MaterialsTab</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="58"/>
        <source>No materials yet. Add one from a template with “Add”.</source>
        <translation>还没有解读材料。请点击“新增”从模板添加。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="86"/>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="88"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="90"/>
        <source>Add a material from the template of its kind</source>
        <translation>按材料类型的模板新增解读材料</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="100"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="100"/>
        <source>Add a copy after this material</source>
        <translation>在此材料之后添加一份副本</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="102"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="103"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="104"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="104"/>
        <source>Delete this material (can be undone)</source>
        <translation>删除此材料（可撤销）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="194"/>
        <source>Deleted “{title}”. Use “Undo delete” to restore it.</source>
        <translation>已删除“{title}”。可点击“撤销删除”恢复。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="266"/>
        <source>Undo delete “{title}”</source>
        <translation>撤销删除“{title}”</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/materials_tab.py" line="267"/>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="94"/>
        <source>Separate several issuers with 、</source>
        <translation>多个机关用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="95"/>
        <source>Separate several attachments with ；</source>
        <translation>多个附件用“；”分隔</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="105"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="105"/>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="106"/>
        <source>e.g. 江人社发〔2026〕12号</source>
        <translation>如：江人社发〔2026〕12号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="107"/>
        <source>Issuing authority</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="107"/>
        <source>Joint issuers</source>
        <translation>联合发文机关</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="108"/>
        <source>Index number</source>
        <translation>索引号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="108"/>
        <source>e.g. 000014349/2026-00110</source>
        <translation>如：000014349/2026-00110</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="109"/>
        <source>Date written</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="109"/>
        <source>e.g. 2026年3月2日</source>
        <translation>如：2026年3月2日</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="110"/>
        <source>Publication date</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="111"/>
        <source>Effective date</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="112"/>
        <source>Genre</source>
        <translation>体裁</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="112"/>
        <source>Topic</source>
        <translation>主题分类</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="113"/>
        <source>Validity</source>
        <translation>有效性</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="113"/>
        <source>Disclosure</source>
        <translation>公开属性</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="114"/>
        <source>Reason not public</source>
        <translation>不公开理由</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="115"/>
        <source>Normative document number</source>
        <translation>规范性文件统一编号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="116"/>
        <source>Parts of the official document (GB/T 9704)</source>
        <translation>公文版头与版记（GB/T 9704）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="118"/>
        <source>Masthead</source>
        <translation>发文机关标志</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="118"/>
        <source>e.g. 江海省人民政府办公厅文件</source>
        <translation>如：江海省人民政府办公厅文件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="119"/>
        <source>Signed by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="120"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="121"/>
        <source>Note</source>
        <translation>附注</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="121"/>
        <source>e.g. 联系人：王芳，电话：0871-63112233</source>
        <translation>如：联系人：王芳，电话：0871-63112233</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="122"/>
        <source>Copied to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="123"/>
        <source>Printed by</source>
        <translation>印发机关</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="124"/>
        <source>Date printed</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="219"/>
        <source>The title may not be empty.</source>
        <translation>标题不能为空（未保存此项）。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="229"/>
        <source>Change to {suggestion}</source>
        <translation>改为 {suggestion}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/metadata_form.py" line="238"/>
        <source> (not saved until corrected)</source>
        <translation>（改正前不保存此项）</translation>
    </message>
</context>
<context>
    <name>PackageSession</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/session.py" line="76"/>
        <source>{state}: the content is locked.</source>
        <translation>{state}，内容已锁定。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/session.py" line="79"/>
        <source>You may read and comment on this package but not edit it (only writers of the department edit).</source>
        <translation>您可以查看和批注此解读包，但不能修改（只有本部门拟稿人可以修改）。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/session.py" line="81"/>
        <source>You may read this package but not edit it (only writers of the department edit).</source>
        <translation>您可以查看此解读包，但不能修改（只有本部门拟稿人可以修改）。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/session.py" line="86"/>
        <source> The writer may withdraw it to edit again.</source>
        <translation>拟稿人可撤回后再修改。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/session.py" line="87"/>
        <source> To change it, the leader returns it.</source>
        <translation>如需修改，请签发领导退回。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/session.py" line="88"/>
        <source> To change it, the leader revokes the sign-off.</source>
        <translation>如需修改，请签发领导撤销签发。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/session.py" line="89"/>
        <source> Use “Revise” in the sign-off tab to start a new revision.</source>
        <translation>如需修改，请在“审签”页点击“修订”生成新版次。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/session.py" line="1"/>
        <source>Revision mode: your edits of the texts are kept as tracked changes with your name and the time; a writer accepts or rejects them.</source>
        <translation>修订模式：您对正文等文字的修改将以留痕方式记录（含修改人和时间），由拟稿人接受或拒绝。</translation>
    </message>
</context>
<context>
    <name>PackageWorkspace</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="116"/>
        <source>Policy document</source>
        <translation>政策文件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="116"/>
        <source>Interpretation plan</source>
        <translation>解读方案</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="117"/>
        <source>Materials</source>
        <translation>解读材料</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="117"/>
        <source>Review and sign-off</source>
        <translation>审签</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="118"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="123"/>
        <source>Parts of the package</source>
        <translation>解读包各部分</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="124"/>
        <source>Comments and checks</source>
        <translation>批注与检查</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="125"/>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="475"/>
        <source>Comments</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="126"/>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="480"/>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="100"/>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="234"/>
        <source>Select a package in the list</source>
        <translation>请在列表中选择一个解读包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="400"/>
        <source>Save version</source>
        <translation>保存版本</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="401"/>
        <source>Store a snapshot of the whole package. Label (optional):</source>
        <translation>保存整个解读包的快照。版本说明（可选）：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="411"/>
        <source>Version saved.</source>
        <translation>版本已保存。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="482"/>
        <source>{count} findings, {blocking} blocking submit.</source>
        <translation>发现{count}个问题，其中{blocking}个阻止提交。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="383"/>
        <source>The recovery journal could not be written either: {reason}</source>
        <translation>恢复日志也无法写入：{reason}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="386"/>
        <source>Your changes stay in the editor and in the recovery journal ({file}) until a save succeeds.</source>
        <translation>您的修改仍保留在编辑器中，并已记入恢复日志（{file}），保存成功后才删除。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="259"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="260"/>
        <source>The changes could not be kept in the recovery journal: {reason}</source>
        <translation>无法把修改记入恢复日志：{reason}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/workspace.py" line="1"/>
        <source>Tracked changes</source>
        <translation>修改（留痕）</translation>
    </message>
</context>
<context>
    <name>PairBox</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/qa_editor.py" line="54"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/qa_editor.py" line="55"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/qa_editor.py" line="61"/>
        <source>Q{number}</source>
        <translation>问{number}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/qa_editor.py" line="63"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/qa_editor.py" line="64"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/qa_editor.py" line="65"/>
        <source>Remove this pair</source>
        <translation>删除这组问答</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/qa_editor.py" line="70"/>
        <source>A</source>
        <translation>答</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="65"/>
        <source>Same day as the document</source>
        <translation>与文件同日发布</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="66"/>
        <source>Within</source>
        <translation>文件发布后</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="70"/>
        <source> working days</source>
        <translation>个工作日内</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="74"/>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="170"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="74"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="76"/>
        <source>e.g. 江人社发〔2026〕12号</source>
        <translation>如：江人社发〔2026〕12号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="85"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="85"/>
        <source>Lead department</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="85"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="86"/>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="105"/>
        <source>Key tasks</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="148"/>
        <source>Cover the elements that apply: background, goals, main content, scope, standards, procedures, precautions, key terms, benefits, changes from the old policy.</source>
        <translation>涵盖适用的解读要素：背景依据、目标任务、主要内容、涉及范围、执行标准、操作方法、注意事项、关键词诠释、惠民利民举措、新旧政策差异。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="152"/>
        <source>Outline and key points</source>
        <translation>解读提纲/解读重点</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="94"/>
        <source>Forms</source>
        <translation>解读形式</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="74"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="95"/>
        <source>Channels</source>
        <translation>解读渠道</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="155"/>
        <source>Timing</source>
        <translation>解读时间</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="171"/>
        <source>Title, e.g. 厅长</source>
        <translation>职务，如：厅长</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="176"/>
        <source>Interpreters</source>
        <translation>解读人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="177"/>
        <source>First interpreter</source>
        <translation>第一解读人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="87"/>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="177"/>
        <source>Other interpreters</source>
        <translation>其他解读人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="174"/>
        <source>First interpreter: name</source>
        <translation>第一解读人姓名</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="175"/>
        <source>First interpreter: job title</source>
        <translation>第一解读人职务</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="181"/>
        <source>Separate several units with 、</source>
        <translation>多个单位用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="182"/>
        <source>Document and units</source>
        <translation>文号与单位</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="183"/>
        <source>Proposed document number</source>
        <translation>拟发文号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="184"/>
        <source>Drafting (lead) unit</source>
        <translation>起草（牵头）单位</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="185"/>
        <source>Joint issuing units</source>
        <translation>联合发文单位</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="186"/>
        <source>Target audiences</source>
        <translation>解读对象</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="189"/>
        <source>Public-opinion risk and response</source>
        <translation>舆情风险评估与应对</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="190"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="190"/>
        <source>Key risks</source>
        <translation>主要风险点</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="191"/>
        <source>Response plan (internal)</source>
        <translation>应对预案（内部）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="192"/>
        <source>Response lines (internal)</source>
        <translation>回应口径（内部）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="195"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="195"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="195"/>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="195"/>
        <source>Speakers</source>
        <translation>发布人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="196"/>
        <source>Invited media</source>
        <translation>邀请媒体</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="197"/>
        <source>Press conference</source>
        <translation>新闻发布会安排</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="202"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="203"/>
        <source>Responsible person</source>
        <translation>责任人/联系人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="204"/>
        <source>Telephone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="326"/>
        <source>Change to {suggestion}</source>
        <translation>改为 {suggestion}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="337"/>
        <source>Beyond the limit of {days} working days: it will count as late</source>
        <translation>超过本单位时限（{days}个工作日），发布后将计为超期</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_tab.py" line="338"/>
        <source>Limit here: {days} working days</source>
        <translation>本单位时限：{days}个工作日</translation>
    </message>
</context>
<context>
    <name>MediaDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Attach a file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Add a link</source>
        <translation>登记链接</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>What the image shows, for readers who cannot see it</source>
        <translation>图片内容的文字说明，供无法看到图片的读者使用</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Address</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Alt text</source>
        <translation>替代文字</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Images, video, audio, transcripts (*.png *.jpg *.jpeg *.mp4 *.mp3 *.txt *.pdf)</source>
        <translation>图片、视频、音频、实录 (*.png *.jpg *.jpeg *.mp4 *.mp3 *.txt *.pdf)</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Files and links</source>
        <translation>附件与链接</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Attach file…</source>
        <translation>附加文件…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Add link…</source>
        <translation>登记链接…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Remove</source>
        <translation>去掉</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>No files or links. A 一图读懂 image, a video, audio, an H5 page or a transcript can be attached here.</source>
        <translation>暂无附件或链接。可在此附加一图读懂长图、视频、音频、H5 页面或访谈实录。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/media_panel.py" line="1"/>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Record posting</source>
        <translation>登记上网情况</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Address on the website</source>
        <translation>网站页面网址</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Posted at</source>
        <translation>上网时间</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Index number given by the website</source>
        <translation>网站编制的索引号</translation>
    </message>
</context>
<context>
    <name>PostingPanel</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>On the website</source>
        <translation>网站上网情况</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Record posting…</source>
        <translation>登记上网…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Address</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Posted at</source>
        <translation>上网时间</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Posted: all {pages} pages are online</source>
        <translation>已上网：{pages} 个页面均已上网</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Not yet online: {posted} of {pages} pages posted</source>
        <translation>未全部上网：{pages} 个页面中已上网 {posted} 个</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Not posted</source>
        <translation>未上网</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Double-click to open in the browser</source>
        <translation>双击在浏览器中打开</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/posting_panel.py" line="1"/>
        <source>Record posting</source>
        <translation>登记上网情况</translation>
    </message>
</context>
<context>
    <name>QAMaterialEditor</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/qa_editor.py" line="96"/>
        <source>Lead paragraph (optional)</source>
        <translation>导语（可选）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/qa_editor.py" line="106"/>
        <source>Add question</source>
        <translation>添加问答</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="46"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>RecoveryKeeper</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="66"/>
        <source>The recovery journal could not be written: {reason}</source>
        <translation>无法写入恢复日志：{reason}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="105"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="105"/>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="109"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="107"/>
        <source>Unsaved changes found</source>
        <translation>发现未保存的修改</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="111"/>
        <source>The unsaved changes were discarded.</source>
        <translation>未保存的修改已丢弃。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="121"/>
        <source>Unsaved changes found ({when}):</source>
        <translation>发现未保存的修改（{when}）：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="125"/>
        <source>Restore puts them back into the editors as unsaved changes; Discard deletes them.</source>
        <translation>恢复：把这些修改放回编辑器（作为未保存的修改，随后自动保存）；丢弃：删除这些修改。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="128"/>
        <source>This package cannot be edited now, so they cannot be put back. Cancel keeps them until it can be edited again.</source>
        <translation>该解读包当前不能编辑，无法放回编辑器。选“取消”可保留这些修改，待可以编辑时再恢复。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="136"/>
        <source>Policy document</source>
        <translation>政策文件</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="138"/>
        <source>Interpretation plan</source>
        <translation>解读方案</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="140"/>
        <source>Material “{title}”</source>
        <translation>解读材料“{title}”</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="187"/>
        <source>Not restored, the material was deleted since: {titles}</source>
        <translation>以下材料已被删除，未能恢复：{titles}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="142"/>
        <source> (deleted since)</source>
        <translation>（已被删除）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="148"/>
        <source>{count} paragraphs changed or added, such as “{first}”</source>
        <translation>改动或新增 {count} 段，如“{first}”</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="151"/>
        <source>{count} paragraphs deleted</source>
        <translation>删除 {count} 段</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="153"/>
        <source>other fields changed</source>
        <translation>正文未变，其他内容有改动</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="154"/>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/recovery.py" line="154"/>
        <source>, </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="206"/>
        <source>Policy document: {title}</source>
        <translation>政策文件：{title}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="207"/>
        <source>Interpretation plan (internal)</source>
        <translation>解读方案（内部）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="208"/>
        <source>, embargoed until {time}</source>
        <translation>，禁发至{time}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="222"/>
        <source>Release together</source>
        <translation>同步发布</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="227"/>
        <source>Release time: now ({now}); every part carries this same time.</source>
        <translation>发布时间：确认后立即发布（{now}），所有部分记为同一发布时间。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="230"/>
        <source>These parts are released together:</source>
        <translation>以下内容将同步发布：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="234"/>
        <source>Materials with an embargo must not be published before their time.</source>
        <translation>设有禁发时间的材料，在该时间之前不得发布。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="236"/>
        <source>Release</source>
        <translation>发布</translation>
    </message>
</context>
<context>
    <name>RouteChoiceDialog</name>
    <message>
        <source>Choose the approval route</source>
        <translation>选择审批路线</translation>
    </message>
    <message>
        <source>{name} (default)</source>
        <translation>{name}（默认）</translation>
    </message>
    <message>
        <source>Approval route</source>
        <translation>审批路线</translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation>路线(&amp;R)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>The department has several approval routes. Which one does this package take? It is fixed when you submit.</source>
        <translation>本部门有多条审批路线，请选择此解读包走哪一条。提交后路线即固定。</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
</context>
<context>
    <name>RouteProgressLine</name>
    <message>
        <source>Route: {name}</source>
        <translation>路线：{name}</translation>
    </message>
    <message>
        <source>Route: {name} (the route a submit takes now; it is fixed when the package is submitted)</source>
        <translation>路线：{name}（按当前设置提交时将采用的路线，提交时固定）</translation>
    </message>
</context>
<context>
    <name>RowTable</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_widgets.py" line="93"/>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/plan_widgets.py" line="94"/>
        <source>Remove row</source>
        <translation>删除选中行</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="86"/>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="110"/>
        <source>Sign off</source>
        <translation>签发</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="95"/>
        <source>Only when signing for someone else</source>
        <translation>仅在代他人签发时填写</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="104"/>
        <source>Package</source>
        <translation>解读包</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="105"/>
        <source>Signer</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="106"/>
        <source>Content digest</source>
        <translation>内容摘要</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="121"/>
        <source>A wrong password was entered before: {count} more wrong entries lock the account.</source>
        <translation>此前已输错密码：再错{count}次将锁定账号。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="93"/>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="107"/>
        <source>Opinion</source>
        <translation>签发意见</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="96"/>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="108"/>
        <source>On behalf of</source>
        <translation>代签（被代签人）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="90"/>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="109"/>
        <source>Your password</source>
        <translation>您的登录密码</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_dialogs.py" line="111"/>
        <source>Your signature covers the document, the plan and every material exactly as shown by this digest.</source>
        <translation>您的签发覆盖政策文件、解读方案和全部解读材料，以下列内容摘要为准。</translation>
    </message>
</context>
<context>
    <name>SignoffTab</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="64"/>
        <source>Signer</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="64"/>
        <source>Opinion</source>
        <translation>签发意见</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="64"/>
        <source>Signed at</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="64"/>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="78"/>
        <source>Revision</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="65"/>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="65"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="67"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="67"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="67"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="67"/>
        <source>Reason or opinion</source>
        <translation>意见或理由</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="69"/>
        <source>Sign-offs</source>
        <translation>签发记录</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="70"/>
        <source>Submissions, reviews and returns</source>
        <translation>提交、核稿和退回记录</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="74"/>
        <source>Where the package stands</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="76"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="77"/>
        <source>Held by</source>
        <translation>当前处理人</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="79"/>
        <source>Content digest</source>
        <translation>内容摘要</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="80"/>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="81"/>
        <source>What you can do now</source>
        <translation>您现在可以</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="91"/>
        <source>&lt;b&gt;Sign-offs&lt;/b&gt;</source>
        <translation>&lt;b&gt;签发记录&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="99"/>
        <source>Not signed off yet.</source>
        <translation>尚无签发记录。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="103"/>
        <source>&lt;b&gt;Submissions, reviews and returns&lt;/b&gt;</source>
        <translation>&lt;b&gt;提交、核稿与退回记录&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="117"/>
        <source>Revision {revision}</source>
        <translation>第{revision}版</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="129"/>
        <source>Released {time}; nobody needs to act.</source>
        <translation>已于{time}发布，无需处理。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="133"/>
        <source>Any {role} of the department</source>
        <translation>本部门任一{role}</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="148"/>
        <source>You have no action to take on this package now.</source>
        <translation>您目前对此解读包没有可执行的操作。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="160"/>
        <source> for {on_behalf_of}</source>
        <translation>（代{on_behalf_of}签发）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="183"/>
        <source>Void (revoked)</source>
        <translation>已作废（已撤销）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="167"/>
        <source>A signature on this package does not verify: the record was changed outside the application. Do not release it; ask the administrator to run 校验 (verify).</source>
        <translation>本解读包有签名未通过核验：记录在应用之外被改动。请勿发布，并请管理员运行“校验”。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="181"/>
        <source>Signature broken (see above)</source>
        <translation>签名无效（见上方说明）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="187"/>
        <source>Valid (certified signature)</source>
        <translation>有效（签名经证书核验）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="188"/>
        <source>Valid (signed before certification)</source>
        <translation>有效（建立信任根之前签发）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="185"/>
        <source>For an earlier revision</source>
        <translation>针对此前版次</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="214"/>
        <source>{action}: done.</source>
        <translation>已完成：{action}。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="234"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="235"/>
        <source>Take the package back from review to edit it again?</source>
        <translation>确定从核稿中撤回此解读包并重新修改吗？</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="241"/>
        <source>Pass review</source>
        <translation>核稿通过</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="242"/>
        <source>Pass the package on for sign-off. Opinion (optional):</source>
        <translation>将解读包送签发领导签发。核稿意见（可选）：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="249"/>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="250"/>
        <source>Return the package to the writers. The reason is required and shown to them:</source>
        <translation>将解读包退回拟稿人。请填写退回理由（必填，拟稿人可见）：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="257"/>
        <source>Revoke sign-off</source>
        <translation>撤销签发</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="258"/>
        <source>Revoke the sign-off; the package returns to draft. The reason is required:</source>
        <translation>撤销签发后解读包回到起草状态。请填写理由（必填）：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="291"/>
        <source>Revise</source>
        <translation>修订</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="292"/>
        <source>Open a new revision as a draft; the released version stays as it is. Reason (optional):</source>
        <translation>生成新版次进入起草状态，已发布的版本保持不变。修订理由（可选）：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="283"/>
        <source>Release early</source>
        <translation>提前发布</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="284"/>
        <source>Reason for releasing now (recorded):</source>
        <translation>现在发布的理由（将记录在案）：</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="226"/>
        <source>Submit with a reason</source>
        <translation>说明理由后提交</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/signoff_tab.py" line="227"/>
        <source>Reason for submitting as it is (recorded):</source>
        <translation>按现状提交的理由（将记录在案）：</translation>
    </message>
    <message>
        <source>Approval route</source>
        <translation>审批路线</translation>
    </message>
    <message>
        <source>Agree at “{step}”: the package goes on to “{next}” (at a co-signing step, once every party agreed). Opinion (optional):</source>
        <translation>在“{step}”表示同意：解读包将转到“{next}”（会签步骤须各方都同意后才转出）。意见（可不填）：</translation>
    </message>
    <message>
        <source>Back to previous step</source>
        <translation>退回上一步</translation>
    </message>
    <message>
        <source>Send the package back to the previous step “{step}”. The reason is required and shown there:</source>
        <translation>将解读包退回上一步“{step}”。须填写理由，理由将显示给上一步的办理人：</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <source>✓ Done</source>
        <translation>✓ 已完成</translation>
    </message>
    <message>
        <source>● Now here</source>
        <translation>● 当前步骤</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Co-signing: all must agree</source>
        <translation>会签：须各方同意</translation>
    </message>
    <message>
        <source>Agreed: {parties}</source>
        <translation>已同意：{parties}</translation>
    </message>
    <message>
        <source>Awaiting: {parties}</source>
        <translation>待同意：{parties}</translation>
    </message>
    <message>
        <source>May edit (tracked)</source>
        <translation>可修改（留痕）</translation>
    </message>
</context>
<context>
    <name>TableDialog</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/table_dialog.py" line="51"/>
        <source>Edit table</source>
        <translation>编辑表格</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/table_dialog.py" line="61"/>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/table_dialog.py" line="62"/>
        <source>Remove row</source>
        <translation>删除选中行</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/table_dialog.py" line="63"/>
        <source>Add column</source>
        <translation>添加列</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/table_dialog.py" line="64"/>
        <source>Remove column</source>
        <translation>删除列</translation>
    </message>
</context>
<context>
    <name>TextMaterialEditor</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_editors.py" line="216"/>
        <source>About {chars} characters: {minutes} minutes to deliver at {rate} characters a minute.</source>
        <translation>约{chars}字，按每分钟{rate}字计，预计口播{minutes}分钟。</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/material_editors.py" line="220"/>
        <source>Remarks should stay within {chars} characters and {minutes} minutes.</source>
        <translation>发布稿应控制在{chars}字、{minutes}分钟以内。</translation>
    </message>
</context>
<context>
    <name>WorkspaceHeader</name>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="40"/>
        <source>Resolve conflict…</source>
        <translation>处理冲突…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="51"/>
        <source>Save version</source>
        <translation>保存版本</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="52"/>
        <source>Store a named snapshot of the whole package</source>
        <translation>为整个解读包保存一个带说明的版本</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="55"/>
        <source>Show or hide comments and checks (F8)</source>
        <translation>显示或隐藏批注与检查（F8）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="85"/>
        <source>Comments and checks</source>
        <translation>批注与检查</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="90"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="95"/>
        <source>no document number yet</source>
        <translation>尚无发文字号</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="96"/>
        <source>revision {revision}</source>
        <translation>第{revision}版</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="98"/>
        <source>now with {holder}</source>
        <translation>当前由{holder}处理</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="105"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="105"/>
        <source>Unsaved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="106"/>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="106"/>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="107"/>
        <source>Conflict: not saved</source>
        <translation>保存冲突，未保存</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="108"/>
        <source>Not saved: please correct</source>
        <translation>未保存：请改正</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="42"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="43"/>
        <source>Try to save the changes again now</source>
        <translation>立即重新保存</translation>
    </message>
    <message>
        <location filename="../../interpreter_app/ui/workspace/header.py" line="117"/>
        <source>Save failed: {reason}</source>
        <translation>保存失败：{reason}</translation>
    </message>
</context>
</TS>
