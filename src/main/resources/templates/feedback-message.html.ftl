<#ftl output_format="HTML">
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family: Arial, sans-serif">
<p>Dear data lead of ${service},</p>
<p>We have checked your return <strong>${file}</strong><#if quarter?has_content> for ${quarter}</#if>.</p>
<table style="border-collapse: collapse">
<tr><th style="text-align:left; padding-right:1em">Status</th><td>${status}</td></tr>
<tr><th style="text-align:left">Errors</th><td>${errors}</td></tr>
<tr><th style="text-align:left">Queries</th><td>${queries}<#if explained gt 0> (${explained} explained)</#if></td></tr>
<tr><th style="text-align:left">Notices</th><td>${notices}</td></tr>
<tr><th style="text-align:left">Rows used</th><td>${rows}</td></tr>
</table>
<p><strong>What to do next:</strong> ${next}</p>
<#if problems?has_content>
<h3>Main problems</h3>
<ol>
<#list problems as p>
<li>${p.severity}: <strong>${p.title}</strong>, ${p.count}<#if p.count == 500>+</#if> time<#if p.count != 1>s</#if><#if p.where?has_content>; first at ${p.where}</#if><#if p.found?has_content>: found &ldquo;${p.found}&rdquo;</#if>.<br>
Expected: ${p.expected}<br>
How to put it right: ${p.fix}<br>
<span style="color:#555">(check ${p.code})</span></li>
</#list>
</ol>
<#else>
<p>No errors or open queries were found.</p>
</#if>
<#if workbook?has_content><p>The attached workbook <strong>${workbook}</strong> is a copy of your return: its first sheet, Issues, says what to do next and lists every finding with a link to the cell, and each cell with a finding is coloured and has a comment. To explain a query whose answer is right, type why in the column &ldquo;Your explanation&rdquo; and send that workbook back as your return.</p></#if>
<p style="color:#555">This message was written by the Idva Insights checks. Reply to this message with any questions.</p>
</body>
</html>
