package i18n

// The switcher between the children a guardian has linked.
const (
	ChildChoose    Key = "child.choose"
	ChildSelected  Key = "child.selected" // {child}, {class}
	BtnChild       Key = "btn.child"      // {child}, {class}: a switcher button
	BtnChildSwitch Key = "btn.child_switch"
)

var childMessages = messages{
	ChildChoose:    {"Выберите ученика:", "Choose the student:"},
	ChildSelected:  {"Выбран ученик: <b>{child}</b>, {class} класс.", "Selected: <b>{child}</b>, class {class}."},
	BtnChild:       {"{child}, {class}", "{child}, {class}"},
	BtnChildSwitch: {"Сменить ребёнка", "Switch child"},
}
