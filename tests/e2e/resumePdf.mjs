// Writes a small real PDF (one page, Helvetica text) for the resume import test: built here, byte
// by byte with a correct cross-reference table, so no recorded or hand-edited file is needed.

/** A PDF whose page shows `lines` top to bottom. ASCII only (the standard Helvetica encoding). */
export function resumePdf(lines) {
	const escape = (text) => text.replace(/[\\()]/g, (c) => `\\${c}`);
	const content = [
		'BT',
		'/F1 11 Tf',
		'14 TL',
		'56 780 Td',
		...lines.map((line) => `(${escape(line)}) Tj T*`),
		'ET'
	].join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`
	];
	let pdf = '%PDF-1.4\n';
	const offsets = [];
	objects.forEach((body, index) => {
		offsets.push(Buffer.byteLength(pdf, 'latin1'));
		pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = Buffer.byteLength(pdf, 'latin1');
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}
