const ExcelJS=require('exceljs');
(async()=>{for(const f of process.argv.slice(2)){const wb=new ExcelJS.Workbook();await wb.xlsx.readFile(f);
for(const ws of wb.worksheets){console.log('### '+f+' :: '+ws.name, 'merges', JSON.stringify(ws.model.merges));
ws.eachRow({includeEmpty:false},(row,r)=>{const cells=[];row.eachCell({includeEmpty:false},(c,col)=>{let v=c.value; if(v&&typeof v==='object') v=JSON.stringify(v); cells.push(c.address+'='+v+(c.font&&c.font.bold?'[b]':'')+(c.font&&c.font.name&&c.font.name!=='Times New Roman'?'['+c.font.name+']':'')+(c.alignment&&c.alignment.indent?'[i'+c.alignment.indent+']':''))});console.log(cells.join(' | '))})}}})();
